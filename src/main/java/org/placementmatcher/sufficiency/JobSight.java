package org.placementmatcher.sufficiency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RunSight;

/**
 * What the user of the request is shown of an analysis job (contract section 8). A job started on a register works
 * on the whole register, so every child holds its place; its result is kept whole and filtered each time it is read,
 * so what one user is shown is never kept for, or served to, another. Only what names a child is filtered: the plans'
 * assignments leave out the register's children of authorities the reader does not hold (children a scenario adds
 * are the reader's own and stay), and the plans' KPIs by authority keep only the authorities the reader holds, as a
 * run's do ({@link RunSight#plan}). The other figures (overall KPIs, place values, segments, unmet need) stay the
 * whole register's: they name no child and no other authority.
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

        PlacementPlan plan(PlacementPlan plan) {
            return RunSight.plan(plan, hidden.shown(unseen), hidden::registerId, authorities);
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
        return new SufficiencyReport(
                shown.plan(report.plan()), report.placeValues(), report.segments(), report.unmetNeed());
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
                        shown.plan(result.baseline().plan()), result.baseline().timeLimitReached());
        List<ScenarioResults.Outcome> outcomes = result.scenarios() == null
                ? null
                : result.scenarios().stream()
                        .map(outcome -> new ScenarioResults.Outcome(
                                outcome.name(),
                                shown.plan(outcome.plan()),
                                outcome.delta(),
                                outcome.timeLimitReached()))
                        .toList();
        return new ScenarioResults.Result(baseline, outcomes);
    }
}
