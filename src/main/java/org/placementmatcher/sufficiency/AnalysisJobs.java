package org.placementmatcher.sufficiency;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanService;

/**
 * Long-running analyses (sufficiency reports, what-if scenarios) worked out in the background, a few at a time on a
 * small pool of their own, held in memory by id. The same rules as plans ({@link PlanService}): a job waits QUEUED
 * for a free thread; when {@code maxHeld} jobs are held the oldest finished one makes room, and when every held job
 * is still queued or running a new one is refused with {@link PlanService.LimitExceededException} (HTTP 429).
 *
 * <p>An analysis may run several solves one after another. It takes each one's {@link PlacementSolver.Solving} from
 * {@link Job#solving()}, so a stop ends the solve under way at once, and it checks {@link Job#stopRequested()}
 * between solves. A stopped job keeps whatever partial result the work returned.
 *
 * @param <R> the result of one analysis
 */
public final class AnalysisJobs<R> {

    private static final Logger LOG = Logger.getLogger(AnalysisJobs.class);

    /** What a caller is told when the work throws: plain words; the detail is for the log only. */
    public static final String ANALYSIS_FAILED = "the analysis failed; the service log has the details";

    public enum Status {
        QUEUED,
        SOLVING,
        DONE,
        FAILED,
        /** Stopped on request: the result, if any, is what was worked out before the stop. */
        STOPPED
    }

    /** The analysis itself, run on one of the pool's threads; it reports progress and partial results on the job. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Job<R> job);
    }

    /** Steps done out of the steps there are (e.g. solves finished out of solves to run). */
    public record Progress(int done, int total) {}

    /** One analysis waiting, running or finished. */
    public static final class Job<R> {
        private final String id;
        private final long limitSeconds;
        private final String startedBy;
        private final String homeAuthority;
        private final PlacementProblem register;
        private final HiddenChildren hidden;
        private final Instant submitted = Instant.now();
        private volatile Status status = Status.QUEUED;
        private volatile R result;
        private volatile String error;
        private volatile Progress progress = new Progress(0, 0);
        private volatile boolean stopRequested;
        private volatile PlacementSolver.Solving current;
        private volatile long startedNanos;
        private volatile long finishedNanos;

        Job(
                String id,
                long limitSeconds,
                String startedBy,
                String homeAuthority,
                PlacementProblem register,
                HiddenChildren hidden) {
            this.id = id;
            this.limitSeconds = limitSeconds;
            this.startedBy = startedBy;
            this.homeAuthority = homeAuthority;
            this.register = register;
            this.hidden = hidden;
        }

        /**
         * The whole register the work was done on, every child (contract section 8), when the job was started on a
         * register; null when the caller sent the problem. What a reader is shown leaves out the register's children
         * it does not see ({@link JobSight}); the result itself is the whole register's.
         */
        public PlacementProblem register() {
            return register;
        }

        /** The register's children the user who started the job does not see, as the work names them. */
        HiddenChildren hidden() {
            return hidden;
        }

        /** Who asked: they, and the users of {@link #homeAuthority()}, may see the job (like a plan). */
        public String startedBy() {
            return startedBy;
        }

        public String homeAuthority() {
            return homeAuthority;
        }

        public String id() {
            return id;
        }

        public Status status() {
            return status;
        }

        /** The result, or the partial result reported so far; null before there is any. */
        public R result() {
            return result;
        }

        public String error() {
            return error;
        }

        public Progress progress() {
            return progress;
        }

        /** The time limit the caller gave, in seconds (how the work spends it is the work's own affair). */
        public long limitSeconds() {
            return limitSeconds;
        }

        public Instant submitted() {
            return submitted;
        }

        /** Time spent running so far (or in all, once finished); 0 while queued. */
        public long elapsedSeconds() {
            long started = startedNanos;
            if (started == 0) {
                return 0;
            }
            long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
            return TimeUnit.NANOSECONDS.toSeconds(end - started);
        }

        public boolean stopRequested() {
            return stopRequested;
        }

        /** For the work: a partial result, readable while it runs. */
        public void partial(R soFar) {
            result = soFar;
        }

        /** For the work: how far it has got. */
        public void progress(int done, int total) {
            progress = new Progress(done, total);
        }

        /**
         * For the work: the handle of its next solve, which a stop ends early. If the job is already stopped the
         * solve ends at once with the problem as given.
         */
        public PlacementSolver.Solving solving() {
            PlacementSolver.Solving solving = new PlacementSolver.Solving();
            current = solving;
            if (stopRequested) {
                solving.terminateEarly();
            }
            return solving;
        }

        public boolean finished() {
            Status now = status;
            return now == Status.DONE || now == Status.FAILED || now == Status.STOPPED;
        }

        private synchronized boolean start() {
            if (status != Status.QUEUED) {
                return false;
            }
            startedNanos = System.nanoTime();
            status = Status.SOLVING;
            return true;
        }

        private synchronized void end(Status end, R last, String why) {
            finishedNanos = System.nanoTime();
            if (last != null) {
                result = last;
            }
            error = why;
            status = end;
        }

        /** A job stopped before it started is STOPPED at once, with no result: nothing will run it. */
        private synchronized void stop() {
            stopRequested = true;
            PlacementSolver.Solving running = current;
            if (running != null) {
                running.terminateEarly();
            }
            if (status == Status.QUEUED) {
                status = Status.STOPPED;
            }
        }
    }

    private final String kind;
    private final int maxHeld;
    private final Map<String, Job<R>> jobs = new ConcurrentHashMap<>();
    private final ExecutorService threads;

    /**
     * @param kind what the jobs are, in the plural, for messages and thread names ("scenarios")
     * @param maxHeld how many jobs are held at most, finished or not
     * @param threads how many run at once
     */
    public AnalysisJobs(String kind, int maxHeld, int threads) {
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be at least 1");
        }
        this.kind = kind;
        this.maxHeld = maxHeld;
        this.threads = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "placement-" + kind);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues the work and returns its job at once.
     *
     * @param path where the client finds a job, for the refusal's words ("/api/scenarios")
     * @param startedBy the user asking
     * @param homeAuthority the problem's home authority, whose users may see the job too
     * @throws PlanService.LimitExceededException when every held job is still queued or running
     */
    public Job<R> submit(Work<R> work, long limitSeconds, String path, String startedBy, String homeAuthority) {
        return submit(work, limitSeconds, path, startedBy, homeAuthority, null);
    }

    /** As {@link #submit(Work, long, String, String, String)}, on the whole register {@code register}. */
    public Job<R> submit(
            Work<R> work,
            long limitSeconds,
            String path,
            String startedBy,
            String homeAuthority,
            PlacementProblem register) {
        return submit(work, limitSeconds, path, startedBy, homeAuthority, register, HiddenChildren.NONE);
    }

    /** The same, the work naming the register's children {@code hidden} as it says. */
    Job<R> submit(
            Work<R> work,
            long limitSeconds,
            String path,
            String startedBy,
            String homeAuthority,
            PlacementProblem register,
            HiddenChildren hidden) {
        Job<R> job = new Job<>(UUID.randomUUID().toString(), limitSeconds, startedBy, homeAuthority, register, hidden);
        synchronized (jobs) {
            makeRoom(path);
            jobs.put(job.id, job);
        }
        try {
            threads.execute(() -> run(job, work));
        } catch (RejectedExecutionException e) {
            job.end(Status.FAILED, null, "the service is stopping");
        }
        return job;
    }

    private void run(Job<R> job, Work<R> work) {
        if (!job.start()) {
            return;
        }
        try {
            R result = work.run(job);
            job.end(job.stopRequested ? Status.STOPPED : Status.DONE, result, null);
        } catch (RuntimeException | Error e) {
            job.end(Status.FAILED, null, ANALYSIS_FAILED);
            LOG.errorf("%s job %s failed: %s", kind, job.id, LogSafe.failure(e));
        }
    }

    private void makeRoom(String path) {
        if (jobs.size() < maxHeld) {
            return;
        }
        Optional<Job<R>> oldestFinished =
                jobs.values().stream().filter(Job::finished).min(Comparator.comparing(Job::submitted));
        if (oldestFinished.isEmpty()) {
            throw new PlanService.LimitExceededException("at most " + maxHeld + " " + kind
                    + " jobs are held and all are still running; stop one (DELETE " + path
                    + "/{id}) or try again later");
        }
        jobs.remove(oldestFinished.get().id);
    }

    public Optional<Job<R>> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Stops a job early; what it worked out so far stays readable. */
    public Optional<Job<R>> stop(String id) {
        Job<R> job = jobs.get(id);
        if (job != null) {
            job.stop();
        }
        return Optional.ofNullable(job);
    }

    /** For the owner's {@code @PreDestroy}: stops every job and the threads. */
    public void close() {
        jobs.values().forEach(Job::stop);
        threads.shutdownNow();
    }
}
