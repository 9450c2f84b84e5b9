package org.placementmatcher.sufficiency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RunSight;
import org.placementmatcher.solver.PlanFigures;
import org.placementmatcher.sufficiency.ScenarioResults.Delta;

/**
 * What the user of the request is shown of an analysis job (contract section 8). A job started on a register works
 * on the whole register, so every child holds its place; its result is kept whole and filtered each time it is read,
 * so what one user is shown is never kept for, or served to, another. A reader of part of the register is shown only
 * its children: the plans' assignments leave out the register's children of authorities it does not hold (children a
 * scenario adds are the reader's own and stay), the plans' KPIs by authority keep only the authorities it holds, as a
 * run's do ({@link RunSight#plan}), and the plans' KPIs (so the scenarios' deltas) and a report's unmet need are
 * those of the children it is shown. What is worked out on the whole plan and cannot be told child by child is withheld
 * where the contract lets it be absent (the proof: {@code bestBound}, {@code gapPercent}, {@code mediumGap}; a report's
 * segments, empty); the score, feasibility and place values, which a plan and a report always have, stay the whole
 * register's.
 */
@ApplicationScoped
public class JobSight {

    private final RegisterService registers;

    public JobSight(RegisterService registers) {
        this.registers = registers;
    }

    /**
     * What of a job the user of the request is shown: the register's child ids it does not see, the authorities it
     * holds (null: every authority) and the children the job renamed (for the user who started it), named back by their
     * register ids.
     */
    record Shown(Set<String> unseen, Set<String> authorities, HiddenChildren hidden) {
        static final Shown WHOLE = new Shown(Set.of(), null, HiddenChildren.NONE);

        boolean whole() {
            return authorities == null && hidden.none();
        }

        boolean partial() {
            return authorities != null;
        }

        /**
         * The plan as shown: for a reader of part of the register, the KPIs of the children it is shown (worked out
         * from the plan's {@code figures}) and no proof, which is the whole plan's.
         */
        PlacementPlan plan(PlacementPlan plan, PlanFigures figures) {
            PlacementPlan shown = RunSight.plan(plan, hidden.shown(unseen), hidden::registerId, authorities);
            if (shown == null || !partial()) {
                return shown;
            }
            return new PlacementPlan(
                    shown.name(),
                    shown.score(),
                    shown.feasible(),
                    shown.assignments(),
                    kpis(figures),
                    shown.kpisByAuthority(),
                    null,
                    null,
                    null);
        }

        /** The job's children shown, by their ids in the job. */
        Predicate<String> counted() {
            return hidden.shown(unseen);
        }

        /** The KPIs of the children shown. */
        Kpis kpis(PlanFigures figures) {
            return figures.kpis(counted());
        }
    }

    Shown shown(AnalysisJobs.Job<?> job) {
        PlacementProblem register = job.register();
        if (register == null) {
            return Shown.WHOLE;
        }
        ChildScope scope = registers.scope(job.homeAuthority());
        return scope.isAll()
                ? new Shown(Set.of(), null, job.hidden())
                : new Shown(unseen(scope, register), scope.authorities(), job.hidden());
    }

    /** The register's child ids a user with this scope does not see (empty: it sees them all). */
    static Set<String> unseen(ChildScope scope, PlacementProblem register) {
        if (scope.isAll()) {
            return Set.of();
        }
        Set<String> unseen = new HashSet<>();
        for (ChildInput child : register.children()) {
            if (!scope.sees(child, register.homeAuthority())) {
                unseen.add(child.id());
            }
        }
        return unseen;
    }

    /** The report (so far) as the user of the request is shown it; null while there is none. */
    public SufficiencyReport report(AnalysisJobs.Job<SufficiencyReport> job) {
        SufficiencyReport report = job.result();
        Shown shown = report == null ? Shown.WHOLE : shown(job);
        if (shown.whole()) {
            return report;
        }
        if (!shown.partial()) {
            return new SufficiencyReport(
                    shown.plan(report.plan(), report.figures()),
                    report.placeValues(),
                    report.segments(),
                    report.unmetNeed(),
                    report.figures(),
                    report.needs());
        }
        return new SufficiencyReport(
                shown.plan(report.plan(), report.figures()),
                report.placeValues(),
                List.of(),
                report.needs() == null ? List.of() : report.needs().rows(shown.counted()),
                null,
                null);
    }

    /** The scenarios' result (so far) as the user of the request is shown it; null while there is none. */
    public ScenarioResults.Result result(AnalysisJobs.Job<ScenarioResults.Result> job) {
        ScenarioResults.Result result = job.result();
        Shown shown = result == null ? Shown.WHOLE : shown(job);
        if (shown.whole()) {
            return result;
        }
        ScenarioResults.Baseline baseline = result.baseline() == null
                ? null
                : new ScenarioResults.Baseline(
                        shown.plan(result.baseline().plan(), result.baseline().figures()),
                        result.baseline().timeLimitReached(),
                        null);
        List<ScenarioResults.Outcome> outcomes = result.scenarios() == null
                ? null
                : result.scenarios().stream()
                        .map(outcome -> new ScenarioResults.Outcome(
                                outcome.name(),
                                shown.plan(outcome.plan(), outcome.figures()),
                                shown.partial()
                                        ? Delta.between(
                                                shown.kpis(outcome.figures()),
                                                shown.kpis(result.baseline().figures()))
                                        : outcome.delta(),
                                outcome.timeLimitReached(),
                                null))
                        .toList();
        return new ScenarioResults.Result(baseline, outcomes);
    }
}
