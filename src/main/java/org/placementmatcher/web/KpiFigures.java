package org.placementmatcher.web;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.RunViews.PlanData;
import org.placementmatcher.solver.PlanWriter;

/**
 * The headline figures of a caseload (today's, or a plan's): the contract's KPIs (section 4, worked out by
 * {@link PlanWriter}, the one definition) plus the children without a placement by urgency and the annual cost.
 *
 * @param unplacedByUrgency null when not known (a run whose plan was deleted under the retention policy)
 */
public record KpiFigures(Kpis kpis, Map<Urgency, Integer> unplacedByUrgency) {

    /** The annual cost is the weekly cost of 52 weeks. */
    public static final int WEEKS_A_YEAR = 52;

    public double annualCost() {
        return kpis.weeklyCost() * WEEKS_A_YEAR;
    }

    /** The caseload as it stands: everyone where they are today ({@code ProblemMapper.asToday}). */
    public static KpiFigures today(PlacementSolution today) {
        PlacementPlan plan = PlanWriter.toPlan(today);
        Map<String, Urgency> urgency = new HashMap<>();
        for (Child child : today.getChildren()) {
            urgency.put(child.getId(), child.getUrgency());
        }
        return new KpiFigures(plan.kpis(), unplacedByUrgency(plan.assignments(), urgency));
    }

    /** A run's plan: its KPIs as the run stored them; the unplaced children's urgency from the problem it solved. */
    public static KpiFigures planned(PlanData data) {
        if (data.snapshot() == null || data.plan() == null) {
            return new KpiFigures(data.kpis(), null);
        }
        Map<String, Urgency> urgency = new HashMap<>();
        for (ChildInput child : data.snapshot().children()) {
            urgency.put(child.id(), child.urgency());
        }
        return new KpiFigures(data.kpis(), unplacedByUrgency(data.plan().assignments(), urgency));
    }

    static Map<Urgency, Integer> unplacedByUrgency(List<Assignment> assignments, Map<String, Urgency> urgency) {
        Map<Urgency, Integer> counts = new EnumMap<>(Urgency.class);
        for (Urgency level : Urgency.values()) {
            counts.put(level, 0);
        }
        for (Assignment assignment : assignments) {
            if (assignment.providerId() == null) {
                counts.merge(urgency.get(assignment.childId()), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }
}
