package org.placementmatcher.sufficiency;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementmatcher.contract.PlacementProblem;

/** Sufficiency reports worked out in the background ({@link AnalysisJobs}), one at a time by default. */
@ApplicationScoped
public class SufficiencyJobs {

    /** Where the reports are found, for the refusal's words. */
    static final String PATH = "/api/sufficiency";

    private final SufficiencyService service;
    private final AnalysisJobs<SufficiencyReport> jobs;
    private final long maxSeconds;

    public SufficiencyJobs(
            SufficiencyService service,
            @ConfigProperty(name = "placement.sufficiency.max-seconds", defaultValue = "600") long maxSeconds,
            @ConfigProperty(name = "placement.sufficiency.max-held", defaultValue = "10") int maxHeld,
            @ConfigProperty(name = "placement.sufficiency.reports-at-once", defaultValue = "1") int atOnce) {
        this.service = service;
        this.maxSeconds = maxSeconds;
        this.jobs = new AnalysisJobs<>("sufficiency", maxHeld, atOnce);
    }

    public long maxSeconds() {
        return maxSeconds;
    }

    /**
     * Queues the report on a validated problem; the plan is solved for at most {@code seconds}, then the values
     * follow. While they are worked out the job holds the plan alone (no values, segments or unmet need yet).
     */
    public AnalysisJobs.Job<SufficiencyReport> submit(PlacementProblem problem, long seconds, String startedBy) {
        return submit(problem, seconds, startedBy, false);
    }

    /**
     * The report on a register's whole problem, every child whoever asks (contract section 8): each reader is shown
     * it through {@link JobSight}.
     */
    public AnalysisJobs.Job<SufficiencyReport> submitOnRegister(
            PlacementProblem whole, long seconds, String startedBy) {
        return submit(whole, seconds, startedBy, true);
    }

    private AnalysisJobs.Job<SufficiencyReport> submit(
            PlacementProblem problem, long seconds, String startedBy, boolean register) {
        return jobs.submit(
                job -> {
                    job.progress(0, 2);
                    return service.report(
                            problem,
                            Duration.ofSeconds(seconds),
                            plan -> {
                                job.partial(SufficiencyReport.of(plan, List.of(), List.of(), null));
                                job.progress(1, 2);
                            },
                            job.solving());
                },
                seconds,
                PATH,
                startedBy,
                problem.homeAuthority(),
                register ? problem : null);
    }

    public Optional<AnalysisJobs.Job<SufficiencyReport>> find(String id) {
        return jobs.find(id);
    }

    public Optional<AnalysisJobs.Job<SufficiencyReport>> stop(String id) {
        return jobs.stop(id);
    }

    @PreDestroy
    void close() {
        jobs.close();
    }
}
