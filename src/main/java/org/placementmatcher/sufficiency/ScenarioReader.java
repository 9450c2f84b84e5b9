package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.RecordPaths;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.register.ChildScope;

/**
 * Reads a scenarios request ({@code {"problem", "scenarios": [...]}}) into the baseline problem and one whole
 * {@link PlacementProblem} per scenario, or rejects it with every problem found, each at its path in the request.
 *
 * <p>A scenario's problem is the baseline changed as the scenario says: its {@code addProviders} and
 * {@code addChildren} appended, its {@code weeklyCosts} set, its {@code weights} laid over the baseline's. A provider in
 * {@code removeProviderIds} stays in the scenario's problem with no places, so the children placed there keep it as
 * their {@code currentPlacement}, now with {@code needsMove} (and no longer pinned, nor are their pinned siblings): the
 * plan re-places each of them elsewhere, which counts as a move, or leaves them unplaced. Each scenario's problem is
 * then validated whole as any problem is, its errors reported at the scenario's own paths
 * ({@code $.scenarios[1].addProviders[0].places}).
 */
final class ScenarioReader {

    static final Set<String> FIELDS =
            Set.of("name", "addProviders", "removeProviderIds", "weeklyCosts", "addChildren", "weights");

    /** A scenario by its name, as a whole problem. */
    record Scenario(String name, PlacementProblem problem) {}

    /**
     * The request read: the starting state and the scenarios optimised from it, with the register's children the user
     * does not see renamed as {@code hidden} says.
     */
    record Request(PlacementProblem baseline, List<Scenario> scenarios, HiddenChildren hidden) {}

    private final ProblemErrors errors = new ProblemErrors();
    private final int maxScenarios;

    private ScenarioReader(int maxScenarios) {
        this.maxScenarios = maxScenarios;
    }

    /** A request with its own {@code problem}. */
    static Request read(String json, int maxScenarios) {
        JsonNode root = parse(json);
        ScenarioReader reader = new ScenarioReader(maxScenarios);
        if (!root.isObject()) {
            reader.errors.add("$", "must be a JSON object: {\"problem\": PlacementProblem, \"scenarios\": [...]}");
            reader.errors.throwIfAny();
        }
        reader.onlyFields(root, "$", Set.of("problem", "scenarios"));
        return reader.read(root, root.get("problem"), RecordPaths.at("$.problem"), HiddenChildren.NONE);
    }

    /**
     * A request on a register: the register's problem is the starting state, so the body has no {@code problem}. The
     * register's children a user with this scope does not see are, to its scenarios, as if they were not there
     * ({@link HiddenChildren}): their ids and sibling groups are free, and naming one is naming an unknown child.
     */
    static Request readOn(String json, PlacementProblem register, ChildScope scope, int maxScenarios) {
        JsonNode root = parse(json);
        ScenarioReader reader = new ScenarioReader(maxScenarios);
        if (!root.isObject()) {
            reader.errors.add("$", "must be a JSON object: {\"scenarios\": [...]}");
            reader.errors.throwIfAny();
        }
        if (root.has("problem")) {
            reader.errors.add("$.problem", "is not accepted here: the register's current state is the problem");
        }
        reader.onlyFields(root, "$", Set.of("problem", "scenarios"));
        HiddenChildren hidden = HiddenChildren.of(scope, register, root);
        try {
            return reader.read(root, hidden.tree(register), hidden.registerPaths("$.problem"), hidden);
        } catch (InvalidProblemException e) {
            throw new InvalidProblemException(hidden.unnamed(e.errors()), e.omitted());
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidProblemException(
                    List.of(new ProblemError("$", "the body is empty: a JSON object with \"scenarios\" is required")));
        }
        try {
            return ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidProblemException(List.of(ProblemReader.malformed(e)));
        }
    }

    private Request read(JsonNode root, JsonNode problemTree, RecordPaths problemPaths, HiddenChildren hidden) {
        PlacementProblem baseline = null;
        try {
            baseline = ProblemReader.read(problemTree, problemPaths);
        } catch (InvalidProblemException e) {
            errors.addAll(e);
        }
        JsonNode list = root.get("scenarios");
        List<Scenario> scenarios = new ArrayList<>();
        if (list == null || list.isNull()) {
            errors.add("$.scenarios", "is required: an array of 1 to " + maxScenarios + " scenarios");
        } else if (!list.isArray()) {
            errors.add("$.scenarios", "must be an array of scenarios");
        } else if (list.isEmpty() || list.size() > maxScenarios) {
            errors.add(
                    "$.scenarios",
                    "has " + list.size() + " scenarios; from 1 to " + maxScenarios
                            + " are accepted (placement.scenarios.max-scenarios)");
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Scenario scenario =
                        scenario(list.get(i), "$.scenarios[" + i + "]", baseline, problemTree, names, hidden);
                if (scenario != null) {
                    scenarios.add(new Scenario(scenario.name(), hidden.inRegisterOrder(scenario.problem())));
                }
            }
        }
        errors.throwIfAny();
        return new Request(hidden.inRegisterOrder(baseline), List.copyOf(scenarios), hidden);
    }

    private Scenario scenario(
            JsonNode node,
            String path,
            PlacementProblem baseline,
            JsonNode base,
            Set<String> names,
            HiddenChildren hidden) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be a JSON object (a scenario)");
            return null;
        }
        onlyFields(node, path, FIELDS);
        String name = name(node, path, names);
        JsonNode added = array(node, path, "addProviders", InputLimits.MAX_PROVIDERS);
        JsonNode addedChildren = array(node, path, "addChildren", InputLimits.MAX_CHILDREN);
        JsonNode weights = node.get("weights");
        if (weights != null && !weights.isNull() && !weights.isObject()) {
            errors.add(path + ".weights", "must be an object of weight names to whole numbers >= 0");
            weights = null;
        }
        if (baseline == null) {
            return null; // the starting state is invalid: there is nothing to change
        }
        Set<String> known = new HashSet<>();
        baseline.providers().forEach(p -> known.add(p.id()));
        if (added != null) {
            added.forEach(p -> {
                if (p.path("id").isTextual()) {
                    known.add(p.path("id").textValue());
                }
            });
        }
        Set<String> removals = removals(node, path, known);
        Map<String, JsonNode> newCosts = weeklyCosts(node, path, known);
        boolean usable = name != null && removals != null && newCosts != null;
        // A wrong removal or cost is left out, so the rest of the scenario is still checked.
        Set<String> removed = removals == null ? Set.of() : removals;
        Map<String, JsonNode> costs = newCosts == null ? Map.of() : newCosts;
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        int baseProviders = merged.withArray("providers").size();
        int baseChildren = merged.withArray("children").size();
        ArrayNode providers = merged.withArray("providers");
        if (added != null) {
            added.forEach(p -> providers.add(p.deepCopy()));
        }
        for (JsonNode provider : providers) {
            if (provider instanceof ObjectNode p && p.path("id").isTextual()) {
                String id = p.get("id").textValue();
                if (removed.contains(id)) {
                    p.put("places", 0);
                }
                if (costs.containsKey(id)) {
                    p.set("weeklyCost", costs.get(id));
                }
            }
        }
        ArrayNode children = merged.withArray("children");
        if (addedChildren != null) {
            addedChildren.forEach(c -> children.add(c.deepCopy()));
        }
        displace(children, removed);
        if (weights != null) {
            ObjectNode laid = merged.has("weights") && merged.get("weights").isObject()
                    ? (ObjectNode) merged.get("weights")
                    : merged.putObject("weights");
            weights.fields().forEachRemaining(e -> laid.set(e.getKey(), e.getValue()));
        }
        if (name != null) {
            merged.put("name", name);
        }
        try {
            // Checked as the user sees it; the whole problem is that with the children the user does not see put back.
            ObjectNode view = hidden.view(merged);
            ProblemReader.read(view, inScenario(path, baseProviders, hidden.none() ? baseChildren : hidden.seen()));
            PlacementProblem problem =
                    ContractJson.mapper().treeToValue(hidden.whole(view, merged), PlacementProblem.class);
            return usable ? new Scenario(name, problem) : null;
        } catch (InvalidProblemException e) {
            e.errors().forEach(error -> {
                boolean onScenario = error.path().equals(path) || error.path().startsWith(path + ".");
                // An error on a record of the starting state, which the scenario's changes made wrong, names it.
                errors.add(
                        onScenario ? error.path() : path,
                        onScenario ? error.message() : "with this scenario, " + error.path() + " " + error.message());
            });
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario's problem checked as the user sees it did not bind whole", e);
        }
    }

    /**
     * Children placed at a removed provider must leave it; pinned ones are unpinned, with their sibling group when it
     * is placed together (such a group is pinned all or none).
     */
    private static void displace(ArrayNode children, Set<String> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Set<String> unpinnedGroups = new HashSet<>();
        for (JsonNode child : children) {
            if (child instanceof ObjectNode c
                    && removed.contains(c.path("currentPlacement").asText(null))) {
                c.put("needsMove", true);
                c.remove("pinned");
                if (c.path("siblingGroup").isTextual()
                        && !c.path("placeTogether").equals(BooleanNode.FALSE)) {
                    unpinnedGroups.add(c.get("siblingGroup").textValue());
                }
            }
        }
        for (JsonNode child : children) {
            if (child instanceof ObjectNode c
                    && c.path("siblingGroup").isTextual()
                    && unpinnedGroups.contains(c.get("siblingGroup").textValue())) {
                c.remove("pinned");
            }
        }
    }

    /**
     * Where an error in a scenario's problem lies in the request: the problem's own fields (its weights) under the
     * scenario; a record of the starting state by its place there ({@code $.providers[2]}), a record the scenario added
     * at its path in the request ({@code $.scenarios[1].addChildren[0]}: its place in the whole problem would tell how
     * many records the starting state has).
     *
     * @param startChildren how many of the problem's children are the starting state's, the scenario's coming after
     */
    static RecordPaths inScenario(String scenarioPath, int startProviders, int startChildren) {
        RecordPaths start = RecordPaths.at("$");
        return RecordPaths.of(
                scenarioPath,
                index -> index < startProviders
                        ? start.provider(index)
                        : scenarioPath + ".addProviders[" + (index - startProviders) + "]",
                index -> index < startChildren
                        ? start.child(index)
                        : scenarioPath + ".addChildren[" + (index - startChildren) + "]");
    }

    private String name(JsonNode node, String path, Set<String> names) {
        JsonNode value = node.get("name");
        if (value == null || value.isNull()) {
            errors.add(path + ".name", "is required");
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            errors.add(path + ".name", "must be a string, not blank");
            return null;
        }
        String problem = TextRules.problem(value.textValue(), TextRules.MAX_CODE_LENGTH);
        if (problem != null) {
            errors.add(path + ".name", problem);
            return null;
        }
        if (!names.add(value.textValue())) {
            errors.add(path + ".name", "duplicate scenario name " + TextRules.quote(value.textValue()));
            return null;
        }
        return value.textValue();
    }

    private JsonNode array(JsonNode node, String path, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(path + "." + field, "must be an array");
            return null;
        }
        if (value.size() > max) {
            errors.add(path + "." + field, InputLimits.tooManyEntries(value.size(), max));
            return null;
        }
        return value;
    }

    /** The ids to remove, or null when one is wrong (each error recorded). */
    private Set<String> removals(JsonNode node, String path, Set<String> known) {
        JsonNode ids = array(node, path, "removeProviderIds", InputLimits.MAX_PROVIDERS);
        if (ids == null) {
            return node.hasNonNull("removeProviderIds") ? null : Set.of();
        }
        Set<String> removed = new HashSet<>();
        boolean ok = true;
        for (int j = 0; j < ids.size(); j++) {
            String at = path + ".removeProviderIds[" + j + "]";
            JsonNode id = ids.get(j);
            if (!id.isTextual()) {
                errors.add(at, "must be a provider id (a string)");
                ok = false;
            } else if (!known.contains(id.textValue())) {
                errors.add(at, "unknown provider id " + TextRules.quote(id.textValue()));
                ok = false;
            } else if (!removed.add(id.textValue())) {
                errors.add(at, "provider id " + TextRules.quote(id.textValue()) + " is listed twice");
                ok = false;
            }
        }
        return ok ? removed : null;
    }

    /** The new weekly cost by provider id, or null when one is wrong (each error recorded). */
    private Map<String, JsonNode> weeklyCosts(JsonNode node, String path, Set<String> known) {
        JsonNode list = array(node, path, "weeklyCosts", InputLimits.MAX_PROVIDERS);
        if (list == null) {
            return node.hasNonNull("weeklyCosts") ? null : Map.of();
        }
        Map<String, JsonNode> costs = new LinkedHashMap<>();
        boolean ok = true;
        for (int j = 0; j < list.size(); j++) {
            String at = path + ".weeklyCosts[" + j + "]";
            JsonNode entry = list.get(j);
            if (entry == null || !entry.isObject()) {
                errors.add(at, "must be a JSON object {\"providerId\", \"weeklyCost\"}");
                ok = false;
                continue;
            }
            onlyFields(entry, at, Set.of("providerId", "weeklyCost"));
            JsonNode id = entry.get("providerId");
            JsonNode cost = entry.get("weeklyCost");
            if (id == null || id.isNull()) {
                errors.add(at + ".providerId", "is required");
                ok = false;
            } else if (!id.isTextual()) {
                errors.add(at + ".providerId", "must be a provider id (a string)");
                ok = false;
            } else if (!known.contains(id.textValue())) {
                errors.add(at + ".providerId", "unknown provider id " + TextRules.quote(id.textValue()));
                ok = false;
            } else if (costs.containsKey(id.textValue())) {
                errors.add(at + ".providerId", "provider id " + TextRules.quote(id.textValue()) + " is listed twice");
                ok = false;
            }
            if (cost == null || cost.isNull()) {
                errors.add(at + ".weeklyCost", "is required");
                ok = false;
            } else if (!cost.isNumber() || !(cost.asDouble() >= 0 && cost.asDouble() <= InputLimits.MAX_WEEKLY_COST)) {
                errors.add(
                        at + ".weeklyCost",
                        "must be a number from 0 to "
                                + String.format(Locale.ROOT, "%,.0f", InputLimits.MAX_WEEKLY_COST));
                ok = false;
            }
            if (ok) {
                costs.put(id.textValue(), cost);
            }
        }
        return ok ? costs : null;
    }

    private void onlyFields(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                errors.add(
                        path + "." + TextRules.shortened(field, 40),
                        "is not a known field here; known: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }
}
