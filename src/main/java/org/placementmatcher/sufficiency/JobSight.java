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
 * are the reader's own and stay). The figures (KPIs, place values, segments, unmet need) stay the whole register's:
 * they name no child.
 */
@ApplicationScoped
public class JobSight {

    private final RegisterService registers;

    public JobSight(RegisterService registers) {
        this.registers = registers;
    }

    /** The register's child ids the user of the request does not see (empty: it sees every child of the job). */
    Set<String> unseen(AnalysisJobs.Job<?> job) {
        PlacementProblem register = job.register();
        if (register == null) {
            return Set.of();
        }
        ChildScope scope = registers.scope(job.homeAuthority());
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
        Set<String> unseen = report == null ? Set.of() : unseen(job);
        if (unseen.isEmpty()) {
            return report;
        }
        return new SufficiencyReport(
                plan(report.plan(), unseen), report.placeValues(), report.segments(), report.unmetNeed());
    }

    /** The scenarios' result (so far) as the user of the request is shown it; null while there is none. */
    public ScenarioResults.Result result(AnalysisJobs.Job<ScenarioResults.Result> job) {
        ScenarioResults.Result result = job.result();
        Set<String> unseen = result == null ? Set.of() : unseen(job);
        if (unseen.isEmpty()) {
            return result;
        }
        ScenarioResults.Baseline baseline = result.baseline() == null
                ? null
                : new ScenarioResults.Baseline(
                        plan(result.baseline().plan(), unseen),
                        result.baseline().timeLimitReached());
        List<ScenarioResults.Outcome> outcomes = result.scenarios() == null
                ? null
                : result.scenarios().stream()
                        .map(outcome -> new ScenarioResults.Outcome(
                                outcome.name(),
                                plan(outcome.plan(), unseen),
                                outcome.delta(),
                                outcome.timeLimitReached()))
                        .toList();
        return new ScenarioResults.Result(baseline, outcomes);
    }

    private static PlacementPlan plan(PlacementPlan plan, Set<String> unseen) {
        return RunSight.plan(plan, id -> !unseen.contains(id));
    }
}
