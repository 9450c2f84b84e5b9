package org.placementmatcher.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.contract.ChildValidator.ChildFacts;
import org.placementmatcher.contract.ProviderValidator.ProviderFacts;
import org.placementmatcher.domain.PlacementRules;

/**
 * The rules of contract section 1.4 that are between records of a problem: unique ids, references that resolve, sibling
 * groups that agree, and the fostering limit, which reads who is placed where. They run on the facts that parsed
 * cleanly, after every record was read, so a record with a type error still has its ids and references checked.
 */
final class CrossChecks {

    static final int USUAL_FOSTERING_LIMIT = PlacementRules.USUAL_FOSTERING_LIMIT;

    private final FieldReader reader;

    CrossChecks(FieldReader reader) {
        this.reader = reader;
    }

    /** Checks the facts of each record, in the problem's order; a record that was not an object is null there. */
    void check(List<ProviderFacts> providers, List<ChildFacts> children) {
        Map<String, ProviderFacts> providersById = new HashMap<>();
        for (ProviderFacts p : providers) {
            if (p != null && p.id() != null && providersById.putIfAbsent(p.id(), p) != null) {
                reader.error(p.path() + ".id", "duplicate provider id '" + p.id() + "'");
            }
        }
        Set<String> childIds = new HashSet<>();
        for (ChildFacts c : children) {
            if (c != null && c.id() != null && !childIds.add(c.id())) {
                reader.error(c.path() + ".id", "duplicate child id '" + c.id() + "'");
            }
        }
        Map<String, List<ChildFacts>> childrenAtProvider = new HashMap<>();
        Map<String, List<ChildFacts>> groups = new LinkedHashMap<>();
        for (ChildFacts c : children) {
            if (c == null) {
                continue;
            }
            if (c.currentPlacement() != null) {
                if (!providersById.containsKey(c.currentPlacement())) {
                    reader.error(c.path() + ".currentPlacement", "unknown provider id '" + c.currentPlacement() + "'");
                } else {
                    childrenAtProvider
                            .computeIfAbsent(c.currentPlacement(), k -> new ArrayList<>())
                            .add(c);
                }
            }
            if (c.siblingGroup() != null) {
                groups.computeIfAbsent(c.siblingGroup(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<ChildFacts> group : groups.values()) {
            ChildFacts first = group.getFirst();
            boolean together = first.placeTogether() == null || first.placeTogether();
            for (ChildFacts c : group.subList(1, group.size())) {
                boolean cTogether = c.placeTogether() == null || c.placeTogether();
                if (cTogether != together) {
                    reader.error(
                            c.path() + ".placeTogether",
                            "placeTogether differs within sibling group '" + c.siblingGroup() + "' (" + first.path()
                                    + " has " + together + ")");
                } else if (together && c.pinned() != first.pinned()) {
                    reader.error(
                            c.path() + ".pinned",
                            "pinned differs within placeTogether sibling group '" + c.siblingGroup() + "' ("
                                    + first.path() + " has " + first.pinned() + ")");
                }
            }
        }
        for (ProviderFacts p : providers) {
            if (p == null) {
                continue;
            }
            for (int j = 0; j < p.connectedChildren().size(); j++) {
                if (p.connectedChildren().get(j) != null
                        && !childIds.contains(p.connectedChildren().get(j))) {
                    reader.error(
                            p.path() + ".connectedChildren[" + j + "]",
                            TextRules.unknownChildId(p.connectedChildren().get(j)));
                }
            }
            if (p.type() != null
                    && p.type().isFoster()
                    && p.places() != null
                    && p.places() > USUAL_FOSTERING_LIMIT
                    && !p.exempt()
                    && !allOneSiblingGroup(childrenAtProvider.getOrDefault(p.id(), List.of()))) {
                reader.error(
                        p.path() + ".places",
                        p.places() + " places exceeds the usual fostering limit of " + USUAL_FOSTERING_LIMIT
                                + " without fosteringLimitExemption, and the children placed there are not all one sibling group");
            }
        }
    }

    /**
     * Whether the children placed at a provider are all siblings of each other (contract section 1.4): none or one
     * child always is (one child is "not all siblings" with nobody); two or more must share one named siblingGroup.
     */
    private static boolean allOneSiblingGroup(List<ChildFacts> children) {
        if (children.size() <= 1) {
            return true;
        }
        String group = children.getFirst().siblingGroup();
        return group != null && children.stream().allMatch(c -> group.equals(c.siblingGroup()));
    }
}
