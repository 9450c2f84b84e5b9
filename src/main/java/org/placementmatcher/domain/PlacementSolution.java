package org.placementmatcher.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The solver's view of one caseload: providers, children, the units to place and the score. */
@PlanningSolution
public class PlacementSolution {

    private String name;
    private LocalDate referenceDate;
    private String homeAuthority;
    /** A fact so that group-level soft terms (siblingsApart) can read it. */
    @ProblemFactProperty
    private ScoringWeights weights;

    @ProblemFactCollectionProperty
    private List<Provider> providers;
    /** In input order, for writing the plan back. */
    @ProblemFactCollectionProperty
    private List<Child> children;

    @PlanningEntityCollectionProperty
    private List<PlacementUnit> units;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftScore score;

    /** For the solver's cloning only. */
    public PlacementSolution() {}

    public PlacementSolution(
            String name,
            LocalDate referenceDate,
            String homeAuthority,
            ScoringWeights weights,
            List<Provider> providers,
            List<Child> children,
            List<PlacementUnit> units,
            ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.name = name;
        this.referenceDate = referenceDate;
        this.homeAuthority = homeAuthority;
        this.weights = weights;
        this.providers = providers;
        this.children = children;
        this.units = units;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public String getName() {
        return name;
    }

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public String getHomeAuthority() {
        return homeAuthority;
    }

    public ScoringWeights getWeights() {
        return weights;
    }

    public List<Provider> getProviders() {
        return providers;
    }

    public List<Child> getChildren() {
        return children;
    }

    public List<PlacementUnit> getUnits() {
        return units;
    }

    /**
     * Each sibling group that may be placed apart (its id, then its units in the solution's order), counting only the
     * units {@code counted} accepts (such as the movable ones); a group with none counted is absent.
     */
    public Map<String, List<PlacementUnit>> apartGroups(Predicate<PlacementUnit> counted) {
        Map<String, List<PlacementUnit>> groups = new LinkedHashMap<>();
        for (PlacementUnit unit : units) {
            if (unit.getApartGroup() != null && counted.test(unit)) {
                groups.computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>())
                        .add(unit);
            }
        }
        return groups;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
