package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.contract.ChildValidator.ChildFacts;
import org.placementmatcher.contract.ProviderValidator.ProviderFacts;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ScoringWeights;

/**
 * Checks a problem's JSON tree against docs/contract.md sections 1.1-1.4 and 10 and collects every problem
 * with its JSON path. Type checks come first, field by field; the cross-checks (ids, references,
 * sibling groups, limits) then run on whatever parsed cleanly, so one error does not hide another.
 * Past {@value ProblemErrors#MAX_LISTED} problems only a count is kept ({@link ProblemErrors}).
 *
 * <p>This class checks the document's own fields and walks its records: each provider is checked by
 * {@link ProviderValidator}, each child by {@link ChildValidator}, the rules between records by {@link CrossChecks},
 * and every field is read through one {@link FieldReader}, so the problems are listed in the order they are read.
 */
final class ProblemValidator {

    private final RecordPaths paths;
    private final String rootPath;
    private final ProblemErrors errors;
    private final FieldReader reader;

    /** Adds to {@code errors} (which may hold problems found before, e.g. unknown postcodes). */
    ProblemValidator(RecordPaths paths, ProblemErrors errors) {
        this.paths = paths;
        this.rootPath = paths.root();
        this.errors = errors;
        this.reader = new FieldReader(errors);
    }

    ProblemErrors validate(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            reader.error(rootPath, "is required: a PlacementProblem JSON object");
            return errors;
        }
        if (!root.isObject()) {
            reader.error(rootPath, "must be a JSON object (a PlacementProblem)");
            return errors;
        }
        reader.requiredInt(root, rootPath, "schemaVersion", 1, 1);
        reader.optionalString(root, rootPath, "name");
        LocalDate referenceDate = reader.date(root, rootPath, "referenceDate", true);
        reader.requiredString(root, rootPath, "homeAuthority");
        validateWeights(root.get("weights"), rootPath + ".weights");
        validateAdjoiningAuthorities(root.get("adjoiningAuthorities"), rootPath + ".adjoiningAuthorities");
        reader.optionalEnum(root, rootPath, "minimumOfstedJudgement", OfstedJudgement.class);

        List<ProviderFacts> providers = new ArrayList<>();
        JsonNode providerArray = reader.requiredArray(root, rootPath, "providers", InputLimits.MAX_PROVIDERS);
        if (providerArray != null) {
            ProviderValidator provider = new ProviderValidator(reader);
            for (int i = 0; i < providerArray.size(); i++) {
                providers.add(provider.validate(providerArray.get(i), paths.provider(i)));
            }
        }
        List<ChildFacts> children = new ArrayList<>();
        JsonNode childArray = reader.requiredArray(root, rootPath, "children", InputLimits.MAX_CHILDREN);
        if (childArray != null) {
            ChildValidator child = new ChildValidator(reader);
            for (int i = 0; i < childArray.size(); i++) {
                children.add(child.validate(childArray.get(i), paths.child(i), referenceDate));
            }
        }
        new CrossChecks(reader).check(providers, children);
        return errors;
    }

    // ---- the document's own parts; providers, children and the cross-checks have classes of their own ----

    private void validateWeights(JsonNode weights, String path) {
        if (weights == null || weights.isNull()) {
            return;
        }
        if (!weights.isObject()) {
            reader.error(path, "must be an object of weight names to whole numbers >= 0");
            return;
        }
        weights.fields().forEachRemaining(entry -> {
            if (!ScoringWeights.KEYS.contains(entry.getKey())) {
                reader.error(
                        path + "." + FieldReader.shortened(entry.getKey()),
                        "is not a known weight; known weights: " + String.join(", ", ScoringWeights.KEYS));
            } else if (!FieldReader.isWholeNumber(entry.getValue())
                    || entry.getValue().asLong() < 0
                    || entry.getValue().asLong() > InputLimits.MAX_WEIGHT) {
                reader.error(path + "." + entry.getKey(), "must be a whole number from 0 to " + InputLimits.MAX_WEIGHT);
            }
        });
    }

    /** A list of codes (adjoining the home authority), or an object of codes to lists of codes (section 8). */
    private void validateAdjoiningAuthorities(JsonNode adjoining, String path) {
        if (adjoining == null || adjoining.isNull()) {
            return;
        }
        if (adjoining.isArray()) {
            reader.codes(adjoining, path);
            return;
        }
        if (!adjoining.isObject()) {
            reader.error(
                    path,
                    "must be an array of authority codes, or an object mapping an authority code to such an array");
            return;
        }
        adjoining.fields().forEachRemaining(entry -> {
            String authority = entry.getKey();
            String entryPath =
                    path + "." + (authority.isBlank() ? TextRules.quote(authority) : FieldReader.shortened(authority));
            String keyProblem = authority.isBlank() ? "must not be blank" : TextRules.codeProblem(authority);
            if (keyProblem != null) {
                reader.error(entryPath, "is not an authority code: it " + keyProblem);
            } else if (!entry.getValue().isArray()) {
                reader.error(
                        entryPath, "must be an array of the authority codes adjoining " + TextRules.quote(authority));
            } else {
                reader.codes(entry.getValue(), entryPath);
            }
        });
    }
}
