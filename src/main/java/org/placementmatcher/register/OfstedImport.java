package org.placementmatcher.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.placementmatcher.contract.ImportReport;
import org.placementmatcher.contract.ImportReport.Changes;
import org.placementmatcher.contract.ImportReport.Problem;
import org.placementmatcher.contract.ImportReport.Skipped;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.data.ofsted.OfstedList;
import org.placementmatcher.data.ofsted.OfstedListReader;
import org.placementmatcher.data.ofsted.OfstedSetting;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.register.RegisterChange.Kind;

/**
 * An Ofsted provider list applied to a register (docs/contract.md section 9). Providers are matched by
 * {@code ofstedUrn}: those the register has take the list's registration (registered on the reference date),
 * judgement and places (an agency's households take its registration and judgement only); a children's home
 * or supported accommodation the register lacks is added, located by its postcode, with the age range its type
 * allows and the register's median weekly cost for the type (to be corrected by hand). Any problem, the file's or
 * one found here, refuses the import whole.
 */
final class OfstedImport implements FileImport {

    private final OfstedList list;
    private final LocalDate referenceDate;
    private final PostcodeDirectory postcodes;

    private final List<Problem> problems = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<String> added = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private final Map<String, Integer> lineById = new HashMap<>();

    /** @param referenceDate the day registration is judged on; null for the register's own referenceDate */
    OfstedImport(OfstedList list, LocalDate referenceDate, PostcodeDirectory postcodes) {
        this.list = list;
        this.referenceDate = referenceDate;
        this.postcodes = postcodes;
    }

    @Override
    public void apply(WorkingRegister register) {
        problems.clear();
        problems.addAll(list.problems());
        skipped.clear();
        skipped.addAll(list.skipped());
        added.clear();
        changed.clear();
        lineById.clear();
        LocalDate day = referenceDate != null
                ? referenceDate
                : LocalDate.parse(register.tree().path("referenceDate").asText());
        Map<String, List<ObjectNode>> byUrn = new HashMap<>();
        Map<String, ObjectNode> byId = new HashMap<>();
        for (ObjectNode provider : register.records(Kind.PROVIDER)) {
            byId.put(provider.path("id").asText(), provider);
            if (provider.hasNonNull("ofstedUrn")) {
                byUrn.computeIfAbsent(provider.get("ofstedUrn").asText(), k -> new ArrayList<>())
                        .add(provider);
            }
        }
        Map<ProviderType, Double> medianCost = medianCosts(register.records(Kind.PROVIDER));
        for (OfstedSetting setting : list.settings()) {
            List<ObjectNode> holders = byUrn.get(setting.urn());
            if (holders != null) {
                for (ObjectNode holder : holders) {
                    update(holder, setting, day);
                }
            } else if (setting.isAgency()) {
                skipped.add(new Skipped(
                        null,
                        setting.urn(),
                        setting.line(),
                        "a fostering agency none of whose households is in the register: its carers come in through"
                                + " the providers CSV or the SSDA903 import, with ofstedUrn " + setting.urn()));
            } else {
                ObjectNode provider = newProvider(setting, day, medianCost.get(setting.type()), byId);
                if (provider != null) {
                    register.put(Kind.PROVIDER, provider);
                    byId.put(provider.get("id").asText(), provider);
                    added.add(provider.get("id").asText());
                    lineById.put(provider.get("id").asText(), setting.line());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused();
        }
    }

    @Override
    public ErrorNaming naming() {
        return ErrorNaming.csvRows(Kind.PROVIDER.list, lineById);
    }

    /** What the import adds and changes, what it leaves out, and its problems. */
    ImportReport report() {
        return new ImportReport(
                Changes.NONE,
                Changes.NONE,
                new Changes(List.copyOf(added), List.copyOf(changed)),
                List.copyOf(skipped),
                ImportReport.listed(problems));
    }

    /** The report of an import the contract's validation refused: its errors, named by line, as problems. */
    ImportReport refusedBy(List<org.placementmatcher.contract.ProblemError> errors) {
        for (org.placementmatcher.contract.ProblemError error : errors) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^line (\\d+)(?:, column (.*))?$")
                    .matcher(error.path());
            problems.add(
                    m.matches()
                            ? new Problem(
                                    OfstedListReader.TABLE, Integer.valueOf(m.group(1)), m.group(2), error.message())
                            : new Problem("register", null, error.path(), error.message()));
        }
        return report();
    }

    /** The list's registration, judgement and places on a provider the register has; registered true is the default. */
    private void update(ObjectNode holder, OfstedSetting setting, LocalDate day) {
        ObjectNode before = holder.deepCopy();
        if (setting.registeredOn(day)) {
            holder.remove("registered");
        } else {
            holder.put("registered", false);
        }
        if (list.judgements()) {
            if (setting.judgement() == null) {
                holder.remove("ofstedJudgement");
            } else {
                holder.put("ofstedJudgement", setting.judgement().name());
            }
        }
        if (!setting.isAgency() && setting.places() != null) {
            holder.put("places", setting.places());
        }
        String id = holder.path("id").asText();
        if (!holder.equals(before) && !changed.contains(id)) {
            changed.add(id);
            lineById.put(id, setting.line());
        }
    }

    private ObjectNode newProvider(
            OfstedSetting setting, LocalDate day, Double weeklyCost, Map<String, ObjectNode> byId) {
        int before = problems.size();
        if (setting.places() == null) {
            problem(setting, list.placesColumn(), "a new provider needs its number of places");
        }
        Optional<ResolvedPostcode> location = Optional.empty();
        if (setting.postcode() == null) {
            problem(setting, list.postcodeColumn(), "a new provider needs its postcode, to be located");
        } else {
            location = postcodes.resolve(setting.postcode());
            if (location.isEmpty()) {
                problem(
                        setting,
                        list.postcodeColumn(),
                        "unknown postcode " + TextRules.quote(setting.postcode()) + ": not in the postcode directory");
            }
        }
        if (weeklyCost == null) {
            problem(
                    setting,
                    list.typeColumn(),
                    "a new " + setting.type() + " needs a weekly cost, and the register has no " + setting.type()
                            + " to take the usual one from: add one by hand first");
        }
        if (problems.size() > before) {
            return null;
        }
        ResolvedPostcode at = location.orElseThrow();
        String id = byId.containsKey(setting.urn()) ? "ofsted-" + setting.urn() : setting.urn();
        ObjectNode provider =
                org.placementmatcher.contract.ContractJson.mapper().createObjectNode();
        provider.put("id", id);
        provider.put("type", setting.type().name());
        provider.put("localAuthority", at.upperTierAuthority());
        provider.set(
                "location",
                org.placementmatcher.contract.ContractJson.mapper()
                        .valueToTree(at.point().withPostcode(at.postcode())));
        provider.put("places", setting.places());
        provider.put(
                "ageMin",
                setting.type() == ProviderType.SUPPORTED_LODGINGS ? PlacementRules.SUPPORTED_LODGINGS_MIN_AGE : 0);
        provider.put("ageMax", 17);
        provider.put("weeklyCost", weeklyCost);
        provider.put("ofstedUrn", setting.urn());
        if (!setting.registeredOn(day)) {
            provider.put("registered", false);
        }
        if (setting.judgement() != null) {
            provider.put("ofstedJudgement", setting.judgement().name());
        }
        return provider;
    }

    private void problem(OfstedSetting setting, String column, String message) {
        problems.add(new Problem(OfstedListReader.TABLE, setting.line(), column, message));
    }

    /** The median weekly cost of the register's providers of each type. */
    private static Map<ProviderType, Double> medianCosts(List<ObjectNode> providers) {
        Map<ProviderType, List<Double>> costs = new LinkedHashMap<>();
        for (ObjectNode provider : providers) {
            try {
                ProviderType type = ProviderType.valueOf(provider.path("type").asText());
                costs.computeIfAbsent(type, k -> new ArrayList<>())
                        .add(provider.path("weeklyCost").asDouble());
            } catch (IllegalArgumentException e) {
                // a register is always valid; nothing to take from a record that is not
            }
        }
        Map<ProviderType, Double> medians = new HashMap<>();
        costs.forEach((type, values) -> {
            values.sort(null);
            int n = values.size();
            medians.put(type, n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
        });
        return medians;
    }
}
