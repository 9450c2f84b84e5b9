package org.placementmatcher.sufficiency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.CandidateLimit;
import org.placementmatcher.solver.FlowConstruction;
import org.placementmatcher.solver.GreedyPlacement;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;

/**
 * Plans built as the solver's construction builds them (the caseload's flow, the sibling groups it split settled,
 * rounded by {@link GreedyPlacement#decideFrom}) but with some units held at chosen providers and everyone else
 * routed optimally around them. Local search from a plan moves a unit or two at a time; putting a sibling group
 * together somewhere full may take a chain of thirty moves (on the county sample: one group of two brought together,
 * 34 units moved, 99 soft points gained), which the flow finds at once.
 */
final class GroupHolds {

    /**
     * As the construction's least: settling split groups takes a fraction of this on the county sample, but a loaded
     * machine stops it early and the plan built is the worse for it.
     */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(2);

    private GroupHolds() {}

    /**
     * The problem ({@code extraPlaceAt}: with one more place there, or null), built with the units named in
     * {@code holds} (unit id to provider id) held there.
     */
    static PlacementSolution construct(PlacementProblem input, String extraPlaceAt, Map<String, String> holds) {
        PlacementSolution start = ProblemMapper.toSolution(
                extraPlaceAt == null ? input : PlaceValues.withOneMorePlace(input, extraPlaceAt));
        Map<String, Provider> providers = new HashMap<>();
        start.getProviders().forEach(p -> providers.put(p.getId(), p));
        Map<PlacementUnit, Provider> held = new HashMap<>();
        for (PlacementUnit unit : start.getUnits()) {
            String at = holds.get(unit.getId());
            if (at != null && !unit.isPinned()) {
                held.put(unit, providers.get(at));
            }
        }
        long end = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Map<PlacementUnit, Provider> decisions = FlowConstruction.decideHolding(
                start, held, CandidateLimit.NONE, () -> false, () -> System.nanoTime() > end, false);
        for (PlacementUnit unit : start.getUnits()) {
            if (!unit.isPinned()) {
                unit.setProvider(decisions.get(unit));
            }
        }
        return start;
    }

    /** A plan found by holding units somewhere, and the holds (unit id to provider id) it was built with. */
    record Improved(PlacementSolution plan, Map<String, String> holds) {}

    /** How many providers to consider for each sibling group placed apart. */
    static final int PLACES_PER_GROUP = 4;

    /**
     * The plan, lifted off its local optimum where bringing a sibling group placed apart together helps: the
     * {@code tries} most promising such holds ({@link #bringTogether}) each built into a plan ({@link #construct}),
     * the best given local search for {@code improveLimit}, and kept if it beats the plan; then once more from there,
     * the holds kept. The plan itself, with no holds, when nothing beats it.
     *
     * @param placePrice each provider's price of a place (soft points a place there is worth), by provider id
     */
    static Improved search(
            PlacementSolver solver,
            PlacementProblem input,
            PlacementSolution plan,
            Map<String, Long> placePrice,
            int tries,
            Duration improveLimit,
            int threads,
            BooleanSupplier stop) {
        ExecutorService pool = PlaceValues.pool(threads);
        try {
            Improved best = new Improved(plan, Map.of());
            for (int round = 0; round < ROUNDS && !stop.getAsBoolean(); round++) {
                Map<String, String> kept = best.holds();
                List<Map<String, String>> tried = bringTogether(best.plan(), PLACES_PER_GROUP, placePrice).stream()
                        .filter(option -> option.keySet().stream().noneMatch(kept::containsKey))
                        .limit(tries)
                        .map(option -> {
                            Map<String, String> holds = new LinkedHashMap<>(kept);
                            holds.putAll(option);
                            return holds;
                        })
                        .toList();
                Improved start = bestBuilt(solver, input, tried, pool);
                if (start == null || stop.getAsBoolean()) {
                    break;
                }
                PlacementSolution improved = solver.improve(start.plan(), improveLimit);
                if (improved.getScore().compareTo(best.plan().getScore()) <= 0) {
                    break;
                }
                best = new Improved(improved, start.holds());
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each of the holds built into a plan ({@link #construct}) side by side, and the best of them; null for none. */
    private static Improved bestBuilt(
            PlacementSolver solver, PlacementProblem input, List<Map<String, String>> tried, ExecutorService pool) {
        List<Future<Improved>> built = new ArrayList<>();
        for (Map<String, String> holds : tried) {
            built.add(pool.submit(() -> {
                PlacementSolution start = construct(input, null, holds);
                solver.score(start);
                return new Improved(start, holds);
            }));
        }
        Improved best = null;
        for (Improved one : collect(built)) {
            if (best == null || one.plan().getScore().compareTo(best.plan().getScore()) > 0) {
                best = one;
            }
        }
        return best;
    }

    /** At most this many rounds of {@link #search}: each keeps the holds of the one before. */
    private static final int ROUNDS = 2;

    private static <T> List<T> collect(List<Future<T>> futures) {
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building plans", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("building a plan with a group held failed", e.getCause());
        }
        return results;
    }

    /**
     * For each sibling group that may be placed apart and is, in the plan: the {@code perGroup} providers that could
     * take all of it, fewest soft points first (its members' own points there), each as holds for
     * {@link #construct}: every member at that provider. Best first by what the move would cost at the flow's
     * prices: the members' points there, less their points now, plus the price of each place they would take.
     */
    static List<Map<String, String>> bringTogether(PlacementSolution plan, int perGroup, Map<String, Long> placePrice) {
        Map<String, List<PlacementUnit>> groups = plan.apartGroups(unit -> !unit.isPinned());
        Map<Map<String, String>, Long> options = new LinkedHashMap<>();
        for (List<PlacementUnit> members : groups.values()) {
            if (members.size() < 2
                    || members.stream().anyMatch(m -> m.getProvider() == null)
                    || members.stream()
                                    .map(PlacementUnit::getProvider)
                                    .distinct()
                                    .count()
                            < 2) {
                continue;
            }
            int size = members.stream().mapToInt(PlacementUnit::size).sum();
            long now = members.stream()
                    .mapToLong(m -> m.staticSoftPoints(m.getProvider()))
                    .sum();
            plan.getProviders().stream()
                    .filter(p -> p.getPlaces() >= size && members.stream().allMatch(m -> m.isEligible(p)))
                    .sorted(Comparator.comparingLong((Provider p) -> pointsAt(members, p))
                            .thenComparing(Provider::getId))
                    .limit(perGroup)
                    .forEach(p -> {
                        Map<String, String> holds = new LinkedHashMap<>();
                        members.forEach(m -> holds.put(m.getId(), p.getId()));
                        options.put(holds, pointsAt(members, p) - now + size * placePrice.getOrDefault(p.getId(), 0L));
                    });
        }
        return options.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static long pointsAt(List<PlacementUnit> members, Provider p) {
        return members.stream().mapToLong(m -> m.staticSoftPoints(p)).sum();
    }
}
