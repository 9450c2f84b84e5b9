package org.placementmatcher.sufficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.solver.PlanService;
import org.placementmatcher.sufficiency.AnalysisJobs.Job;
import org.placementmatcher.sufficiency.AnalysisJobs.Status;

class AnalysisJobsTest {

    private final AnalysisJobs<String> jobs = new AnalysisJobs<>("tests", 2, 1);

    @AfterEach
    void close() {
        jobs.close();
    }

    private static void waitFor(Job<?> job) throws InterruptedException {
        for (int i = 0; i < 500 && !job.finished(); i++) {
            Thread.sleep(10);
        }
        assertTrue(job.finished(), "job still " + job.status());
    }

    @Test
    void runsWorkAndKeepsItsResultAndProgress() throws InterruptedException {
        Job<String> job = jobs.submit(
                running -> {
                    running.progress(1, 1);
                    return "answer";
                },
                5,
                "/api/tests");
        waitFor(job);
        assertEquals(Status.DONE, job.status());
        assertEquals("answer", job.result());
        assertEquals(new AnalysisJobs.Progress(1, 1), job.progress());
        assertEquals(5, job.limitSeconds());
        assertEquals(job, jobs.find(job.id()).orElseThrow());
        assertTrue(jobs.find("nope").isEmpty());
    }

    @Test
    void aFailureIsFailedInPlainWords() throws InterruptedException {
        Job<String> job = jobs.submit(
                running -> {
                    throw new IllegalStateException("child C1 quoted here");
                },
                5,
                "/api/tests");
        waitFor(job);
        assertEquals(Status.FAILED, job.status());
        assertEquals(AnalysisJobs.ANALYSIS_FAILED, job.error());
    }

    @Test
    void whenEveryHeldJobIsRunningANewOneIsRefusedAndAFinishedOneMakesRoom() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AnalysisJobs.Work<String> blocked = running -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        };
        Job<String> first = jobs.submit(blocked, 5, "/api/tests");
        Job<String> second = jobs.submit(blocked, 5, "/api/tests");
        PlanService.LimitExceededException refused =
                assertThrows(PlanService.LimitExceededException.class, () -> jobs.submit(blocked, 5, "/api/tests"));
        assertTrue(refused.getMessage().contains("at most 2 tests jobs"), refused.getMessage());
        assertTrue(refused.getMessage().contains("DELETE /api/tests/{id}"), refused.getMessage());
        release.countDown();
        waitFor(first);
        waitFor(second);
        Job<String> third = jobs.submit(running -> "room", 5, "/api/tests");
        waitFor(third);
        assertEquals("room", third.result());
        assertTrue(jobs.find(first.id()).isEmpty(), "the oldest finished job made room");
    }

    @Test
    void aStoppedJobIsStoppedWithWhatItHadAndAQueuedOneNeverRuns() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Job<String> running = jobs.submit(
                job -> {
                    job.partial("half");
                    started.countDown();
                    while (!job.stopRequested()) {
                        Thread.onSpinWait();
                    }
                    assertTrue(job.solving().isTerminatedEarly(), "a solve after the stop ends at once");
                    return null;
                },
                5,
                "/api/tests");
        Job<String> queued = jobs.submit(job -> "never", 5, "/api/tests");
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(Status.QUEUED, queued.status());
        jobs.stop(queued.id());
        assertEquals(Status.STOPPED, queued.status());
        jobs.stop(running.id());
        waitFor(running);
        assertEquals(Status.STOPPED, running.status());
        assertEquals("half", running.result());
        Thread.sleep(50);
        assertNull(queued.result());
        assertFalse(jobs.stop("nope").isPresent());
    }
}
