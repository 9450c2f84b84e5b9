package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;

/**
 * A caseload loaded for match queries: everyone where they are today, indexed by provider and by
 * sibling group, with today's score. Built once; each query then only looks at the children it
 * names and at who lives at each provider, so answers come in milliseconds even for a region.
 * Read-only after construction, so concurrent queries may share it.
 */
public final class Caseload {

    private final PlacementSolution today;
    private final HardMediumSoftScore score;
    private final Map<String, Child> childrenById = new HashMap<>();
    private final Map<Child, PlacementUnit> unitByChild = new HashMap<>();
    private final Map<Provider, List<Child>> childrenByProvider = new HashMap<>();
    private final Map<String, List<Child>> siblingGroups = new HashMap<>();

    private Caseload(PlacementSolution today) {
        this.today = today;
        for (PlacementUnit unit : today.getUnits()) {
            for (Child child : unit.getMembers()) {
                unitByChild.put(child, unit);
                if (unit.getProvider() != null) {
                    childrenByProvider
                            .computeIfAbsent(unit.getProvider(), p -> new ArrayList<>())
                            .add(child);
                }
            }
        }
        for (Child child : today.getChildren()) {
            childrenById.put(child.getId(), child);
            if (child.getSiblingGroup() != null) {
                siblingGroups
                        .computeIfAbsent(child.getSiblingGroup(), g -> new ArrayList<>())
                        .add(child);
            }
        }
        this.score = HardMediumSoftScore.parseScore(ScoreBreakdown.of(today).score());
    }

    public static Caseload of(PlacementProblem problem) {
        return new Caseload(ProblemMapper.asToday(problem));
    }

    public PlacementSolution today() {
        return today;
    }

    /** Today's score, everyone where they are. */
    public HardMediumSoftScore score() {
        return score;
    }

    public Child child(String id) {
        return childrenById.get(id);
    }

    public PlacementUnit unitOf(Child child) {
        return unitByChild.get(child);
    }

    /** Where the child is today (null when waiting). */
    public Provider positionOf(Child child) {
        return unitByChild.get(child).getProvider();
    }

    /** Children at the provider today. */
    public List<Child> childrenAt(Provider provider) {
        return childrenByProvider.getOrDefault(provider, List.of());
    }

    public List<Child> siblingGroup(String group) {
        return siblingGroups.getOrDefault(group, List.of());
    }

    public List<Provider> providers() {
        return today.getProviders();
    }
}
