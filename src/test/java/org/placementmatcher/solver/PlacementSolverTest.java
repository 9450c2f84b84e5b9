package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;

class PlacementSolverTest {

    private final PlacementSolver solver = PlacementSolver.fromClasspathConfig();

    private static PlacementSolution handScored() throws IOException {
        return ProblemMapper.toSolution(ProblemReader.read(ProblemFixtures.handScored()));
    }

    @Test
    void reportsTheConstructionAtOnceAndThenAtLeastEveryTwoSeconds() throws IOException {
        solver.solve(handScored(), Duration.ofSeconds(1), null); // warm: the first solve in a JVM loads much
        List<PlacementSolver.Progress> reports = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        solver.solve(handScored(), Duration.ofSeconds(5), progress -> {
            reports.add(progress);
            at.add((System.nanoTime() - start) / 1_000_000);
        });

        // The construction's plan (C2 placed beside the pinned C1) is reported as it ends, long before the first
        // heartbeat would come.
        int construction = 0;
        while (construction < reports.size() && placed(reports.get(construction).bestSolution()) < 3) {
            construction++;
        }
        assertThat(construction).isLessThan(reports.size());
        assertThat(reports.get(construction).newBest()).isTrue();
        assertThat(reports.get(construction).constructed()).isTrue();
        assertThat(reports.subList(0, construction)).noneMatch(PlacementSolver.Progress::constructed);
        assertThat(at.get(construction)).isLessThan(PlacementSolver.PROGRESS_EVERY.toMillis() / 2);
        // Then no gap longer than the heartbeat (with a margin for a busy machine), each telling the limit.
        assertThat(reports.stream().filter(p -> !p.newBest())).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 1)).isLessThan(PlacementSolver.PROGRESS_EVERY.toMillis() + 1000);
        }
        assertThat(reports).allSatisfy(p -> assertThat(p.limitMillis()).isEqualTo(5000));
        assertThat(reports.getLast().millisSpent()).isGreaterThanOrEqualTo(3500);
    }

    @Test
    void aConstructionThatFindsNothingBetterThanTheProblemAsGivenIsStillReportedAtOnce() throws IOException {
        // The best plan of a solve, given again: construction cannot improve on it, so Timefold announces no new best.
        PlacementSolution solved = solver.solve(handScored(), Duration.ofSeconds(1), null);
        List<PlacementSolver.Progress> reports = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        solver.solve(solved, Duration.ofSeconds(3), progress -> {
            reports.add(progress);
            at.add((System.nanoTime() - start) / 1_000_000);
        });

        int construction = 0;
        while (construction < reports.size() && !reports.get(construction).constructed()) {
            construction++;
        }
        assertThat(construction).as("a constructed report").isLessThan(reports.size());
        assertThat(at.get(construction)).isLessThan(PlacementSolver.PROGRESS_EVERY.toMillis() / 2);
        assertThat(reports.get(construction).newBest()).isTrue();
        assertThat(reports.get(construction).bestScore()).isEqualTo(solved.getScore());
    }

    @Test
    void noProgressIsReportedAfterSolveReturnsEvenFromASlowHeartbeat() throws Exception {
        AtomicBoolean returned = new AtomicBoolean();
        List<String> late = new CopyOnWriteArrayList<>();
        AtomicInteger heartbeats = new AtomicInteger();

        // The first heartbeat (at 2 s) is still being reported when the 3 s solve ends.
        solver.solve(handScored(), Duration.ofSeconds(3), progress -> {
            if (returned.get()) {
                late.add("called after solve returned");
            }
            if (!progress.newBest() && heartbeats.incrementAndGet() == 1) {
                sleep(2500);
            }
            if (returned.get()) {
                late.add("still reporting after solve returned");
            }
        });
        returned.set(true);
        Thread.sleep(PlacementSolver.PROGRESS_EVERY.toMillis() + 1000);

        assertThat(heartbeats).hasPositiveValue();
        assertThat(late).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long placed(PlacementSolution solution) {
        return solution.getUnits().stream()
                .filter(unit -> unit.getProvider() != null)
                .count();
    }

    @Test
    void aSolveStoppedFromAnotherThreadEndsAtOnceWithItsBestSoFar() throws Exception {
        PlacementSolver.Solving solving = new PlacementSolver.Solving();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<PlacementSolution> best =
                    thread.submit(() -> solver.solve(handScored(), Duration.ofSeconds(60), null, solving));
            Thread.sleep(1500);
            solving.terminateEarly();

            PlacementSolution solution = best.get();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(ScoreText.format(solution.getScore())).isEqualTo("0hard/-10medium/-2527soft");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aSolveStoppedBeforeItStartsReturnsTheProblemAsGivenScored() throws IOException {
        PlacementSolver.Solving solving = new PlacementSolver.Solving();
        solving.terminateEarly();
        PlacementSolution problem = handScored();

        PlacementSolution result = solver.solve(problem, Duration.ofSeconds(60), null, solving);

        assertThat(result).isSameAs(problem);
        assertThat(result.getScore()).isNotNull();
    }

    @Test
    void aProblemWithNothingToDecideIsOnlyScoredAndReportedOnce() throws IOException {
        PlacementSolution problem = handScored();
        problem.getUnits().removeIf(unit -> !unit.isPinned());
        List<PlacementSolver.Progress> reports = new CopyOnWriteArrayList<>();

        PlacementSolution result = solver.solve(problem, Duration.ofSeconds(60), reports::add);

        assertThat(result).isSameAs(problem);
        assertThat(reports).singleElement().satisfies(p -> {
            assertThat(p.bestScore()).isEqualTo(problem.getScore());
            assertThat(p.constructed()).as("nothing was solved").isFalse();
        });
        assertThat(problem.getUnits())
                .singleElement()
                .satisfies(unit -> assertThat(unit.isPinned()).isTrue());
    }
}
