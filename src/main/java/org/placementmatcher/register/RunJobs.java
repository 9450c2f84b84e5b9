package org.placementmatcher.register;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The runs as jobs of Quartz's clustered JDBC job store, in the register's database (docs/operations.md): each run
 * is a job keyed by its id, which exactly one instance of the cluster executes, solving the run on its
 * {@link RunWorker} until it ends; the job asks for recovery, so when the instance executing it dies, Quartz hands
 * it to another, which takes the run over. The overnight re-optimisation is one cron trigger of the cluster.
 */
@ApplicationScoped
public class RunJobs {

    private static final Logger LOG = Logger.getLogger(RunJobs.class);

    static final String RUNS = "placement-runs";
    static final JobKey OVERNIGHT = JobKey.jobKey("placement-overnight-runs", "placement");
    private static final TriggerKey OVERNIGHT_TRIGGER = TriggerKey.triggerKey("placement-overnight-cron", "placement");

    /** A run's trigger data: the job was recovered from a dead instance before it waited here. */
    private static final String TAKING_OVER = "takingOver";

    private final Scheduler quartz;
    private final String cron;
    private final Duration busyRetry;

    public RunJobs(
            Scheduler quartz,
            @ConfigProperty(name = "placement.runs.cron") String cron,
            @ConfigProperty(name = "placement.runs.busy-retry", defaultValue = "PT5S") Duration busyRetry) {
        this.quartz = quartz;
        this.cron = cron.trim();
        this.busyRetry = busyRetry;
    }

    /**
     * Puts back a run's job that fired while this instance was solving another: a new trigger busy-retry from now,
     * which whichever instance is free then executes. The job's thread is let go at once, so the cluster's other
     * jobs (the overnight trigger) never wait behind a run (docs/operations.md).
     */
    void later(JobExecutionContext context, boolean takingOver) {
        JobKey job = context.getJobDetail().getKey();
        String name = context.getTrigger().getKey().getName();
        int retry = name.indexOf('~');
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity((retry < 0 ? name : name.substring(0, retry)) + "~" + UUID.randomUUID(), RUNS)
                .forJob(job)
                .usingJobData(TAKING_OVER, Boolean.toString(takingOver))
                .startAt(Date.from(Instant.now().plus(busyRetry)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            // Stored before this execution's trigger completes: the job keeps a trigger, so it is not deleted.
            quartz.scheduleJob(trigger);
        } catch (SchedulerException e) {
            LOG.errorf("run %s not put back in the queue: %s", job.getName(), LogSafe.failure(e));
        }
    }

    /** Queues the run's job (attempt: the run's attempt number, so that a restart's trigger is a new one). */
    void schedule(String runId, int attempt) {
        JobDetail job = JobBuilder.newJob(RunJob.class)
                .withIdentity(runId, RUNS)
                .requestRecovery(true)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(runId + "#" + attempt, RUNS)
                .forJob(job)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            // Replacing keeps the job of a run restarted while its previous attempt's execution is ending.
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("the run could not be queued", e);
        }
    }

    /** Whether the run's job is still in the job store (waiting, executing, or to be recovered from a dead instance). */
    boolean pending(String runId) {
        try {
            return quartz.checkExists(JobKey.jobKey(runId, RUNS));
        } catch (SchedulerException e) {
            LOG.warnf("job store not readable: %s", LogSafe.failure(e));
            return true; // not known to be gone: left alone
        }
    }

    /** The cluster's overnight trigger as placement.runs.cron says (one for all instances; "off" removes it). */
    void onStart(@Observes StartupEvent event) {
        try {
            if (cron.equalsIgnoreCase("off") || cron.equalsIgnoreCase("disabled") || cron.isEmpty()) {
                quartz.deleteJob(OVERNIGHT);
                return;
            }
            JobDetail job = JobBuilder.newJob(OvernightJob.class)
                    .withIdentity(OVERNIGHT)
                    .requestRecovery(true)
                    .storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(OVERNIGHT_TRIGGER)
                    .forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                    .build();
            // Every instance states the same trigger; replacing it keeps one, with the latest instance's cron.
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException | RuntimeException e) {
            LOG.errorf("overnight runs not scheduled: %s", LogSafe.failure(e));
        }
    }

    /** A run's job: solves the run here until it ends; a recovering execution takes it over from a dead instance. */
    @Dependent
    @Unremovable
    public static class RunJob implements Job {

        @Inject
        RunWorker worker;

        @Inject
        RunJobs jobs;

        @Override
        public void execute(JobExecutionContext context) {
            boolean takingOver = context.isRecovering()
                    || "true".equals(context.getMergedJobDataMap().get(TAKING_OVER));
            if (!worker.execute(context.getJobDetail().getKey().getName(), takingOver)) {
                jobs.later(context, takingOver); // a run is solving here: this one waits for a free instance
            }
        }
    }

    /** The overnight job: a run for every register, as of the night its trigger fired for. */
    @Dependent
    @Unremovable
    public static class OvernightJob implements Job {

        @Inject
        RunSchedule schedule;

        @Override
        public void execute(JobExecutionContext context) {
            Date night = context.getScheduledFireTime();
            schedule.overnight(night.toInstant(), LocalDate.ofInstant(night.toInstant(), ZoneId.systemDefault()));
        }
    }
}
