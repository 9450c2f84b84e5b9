package org.placementmatcher.sufficiency;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.PlaceGain;
import org.placementmatcher.solver.PlacementFlow;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The value of one more place at every provider. First every provider's price at once from the caseload's
 * minimum-cost flow ({@link PlacementFlow#placeGains()}: exact for the flow, which leaves out the rules on who may
 * share a placement and lets sibling groups split); then the most valuable ones confirmed by re-optimising the plan
 * with that place (local search from the plan, so only the place's own effect shows, or the construction with the
 * place and the plan's sibling groups held as {@link GroupHolds} held them, where that does better), until every
 * one of the
 * {@code mustConfirm} highest values reported comes from a re-optimisation or {@code maxConfirmed} have been tried.
 */
final class PlaceValues {

    /**
     * One provider's value, and the children the extra place would move or place. {@code soft} is never below 0
     * (docs/contract.md section 7: score differences >= 0); {@code softChange} the true soft difference, negative
     * where placing a waiting child ({@code medium > 0}) costs soft points.
     */
    record Value(
            Provider provider, long medium, long soft, long softChange, boolean confirmed, List<Child> benefiting) {

        /** A value from the score differences with the extra place: {@code soft} the change floored at 0. */
        static Value of(Provider provider, long medium, long softChange, boolean confirmed, List<Child> benefiting) {
            return new Value(provider, medium, Math.max(0, softChange), softChange, confirmed, benefiting);
        }

        boolean isPositive() {
            return medium > 0 || medium == 0 && soft > 0;
        }

        static final Comparator<Value> BEST_FIRST = Comparator.comparingLong(Value::medium)
                .thenComparingLong(Value::softChange)
                .reversed()
                .thenComparing(v -> v.provider().getId());
    }

    private final PlacementSolver solver;
    private final Duration confirmLimit;
    private final int mustConfirm;
    private final int maxConfirmed;
    private final int threads;

    PlaceValues(PlacementSolver solver, Duration confirmLimit, int mustConfirm, int maxConfirmed, int threads) {
        this.solver = solver;
        this.confirmLimit = confirmLimit;
        this.mustConfirm = mustConfirm;
        this.maxConfirmed = Math.max(mustConfirm, maxConfirmed);
        this.threads = Math.max(1, threads);
    }

    /** Every provider's price from the flow, best first. {@code problem}: the units at their current placements. */
    static List<Value> fast(PlacementSolution problem) {
        PlacementFlow flow = PlacementFlow.forPlaceValues(problem);
        flow.solve(() -> false);
        List<PlaceGain> gains = flow.placeGains();
        long scale = flow.scale();
        List<Value> values = new ArrayList<>();
        for (Provider provider : problem.getProviders()) {
            PlaceGain gain = gains.get(provider.getIndex());
            List<Child> benefiting = gain.unitsMoved().stream()
                    .map(unit -> unit.getMembers().getFirst())
                    .toList();
            values.add(Value.of(
                    provider,
                    Math.round((double) gain.mediumScaled() / scale),
                    Math.round((double) gain.softScaled() / scale),
                    false,
                    benefiting));
        }
        values.sort(Value.BEST_FIRST);
        return values;
    }

    /**
     * The fast values with the most valuable ones replaced by re-optimised figures, best first; no further
     * re-optimisation starts once {@code stop} says so (the figures so far are kept).
     */
    List<Value> confirmTop(
            PlacementProblem input,
            PlacementSolution plan,
            Map<String, String> holds,
            List<Value> fast,
            java.util.function.BooleanSupplier stop) {
        Map<String, Value> byProvider = new HashMap<>();
        fast.forEach(v -> byProvider.put(v.provider().getId(), v));
        List<Value> queue = fast.stream().filter(Value::isPositive).toList();
        int next = 0;
        ExecutorService pool = pool(threads);
        try {
            while (next < queue.size() && next < maxConfirmed && !stop.getAsBoolean()) {
                List<Value> current = ranked(byProvider);
                int unconfirmedInTop = (int) current.stream()
                        .limit(mustConfirm)
                        .filter(v -> !v.confirmed() && v.isPositive())
                        .count();
                if (unconfirmedInTop == 0) {
                    break;
                }
                int batch = Math.min(Math.max(unconfirmedInTop, threads), maxConfirmed - next);
                List<Future<Value>> running = new ArrayList<>();
                for (int i = 0; i < batch && next < queue.size(); i++, next++) {
                    Provider provider = queue.get(next).provider();
                    running.add(pool.submit(() -> reoptimised(input, plan, provider, holds)));
                }
                for (Future<Value> future : running) {
                    Value confirmed = future.get();
                    byProvider.put(confirmed.provider().getId(), confirmed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-optimising", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-optimising with one more place failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return ranked(byProvider);
    }

    /** The threads re-optimisations run on (daemons: a report stopped with the service leaves none behind). */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sufficiency-confirm");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static List<Value> ranked(Map<String, Value> byProvider) {
        List<Value> values = new ArrayList<>(byProvider.values());
        values.sort(Value.BEST_FIRST);
        return values;
    }

    /**
     * The plan re-optimised with one more place at the provider, starting from the plan itself (every unit where
     * it is), and what that gains over the plan; never less than nothing (the plan is still possible).
     */
    Value reoptimised(PlacementProblem input, PlacementSolution plan, Provider provider, Map<String, String> holds) {
        // Local search from the plan sees the place's own effect, but may not find a long chain of moves in the time.
        // When the plan was built with sibling groups held together (GroupHolds), the same holds with the place: the
        // flow's construction finds those chains. Otherwise a fresh solve (the flow's construction with the place),
        // which finds some of them. The best of the tries counts.
        PlacementSolution better = solver.improve(startFrom(input, plan, provider), confirmLimit);
        PlacementSolution other = holds.isEmpty()
                ? solver.solve(ProblemMapper.toSolution(withOneMorePlace(input, provider.getId())), confirmLimit, null)
                : solver.improve(GroupHolds.construct(input, provider.getId(), holds), confirmLimit);
        if (other.getScore().compareTo(better.getScore()) > 0) {
            better = other;
        }
        // A sibling group that fits only with the extra place (a resident moving on) is a chain neither finds: the
        // flow's construction again, with that group held at the place.
        PlacementUnit group = groupToMoveIn(startFrom(input, plan, provider), provider.getId());
        if (group != null) {
            Map<String, String> groupIn = new HashMap<>(holds);
            groupIn.put(group.getId(), provider.getId());
            PlacementSolution tried =
                    solver.improve(GroupHolds.construct(input, provider.getId(), groupIn), confirmLimit);
            if (tried.getScore().compareTo(better.getScore()) > 0) {
                better = tried;
            }
        }
        HardMediumSoftScore before = plan.getScore();
        HardMediumSoftScore after = better.getScore();
        long medium = after.mediumScore() - before.mediumScore();
        long soft = after.softScore() - before.softScore();
        if (after.hardScore() < before.hardScore() || medium < 0 || medium == 0 && soft <= 0) {
            return Value.of(provider, 0, 0, true, List.of());
        }
        return Value.of(provider, medium, soft, true, moved(plan, better));
    }

    /** The problem with one more place at the provider, every unit where the plan has it. */
    private static PlacementSolution startFrom(PlacementProblem input, PlacementSolution plan, Provider provider) {
        PlacementSolution start = ProblemMapper.toSolution(withOneMorePlace(input, provider.getId()));
        Map<String, String> placeOf = new HashMap<>();
        for (PlacementUnit unit : plan.getUnits()) {
            placeOf.put(
                    unit.getId(),
                    unit.getProvider() == null ? null : unit.getProvider().getId());
        }
        Map<String, Provider> providers = new HashMap<>();
        start.getProviders().forEach(p -> providers.put(p.getId(), p));
        for (PlacementUnit unit : start.getUnits()) {
            String at = placeOf.get(unit.getId());
            unit.setProvider(at == null ? null : providers.get(at));
        }
        return start;
    }

    /**
     * The sibling group (a unit of two or more) that would gain most soft points at the provider and does not fit
     * beside its residents now; null when there is none.
     */
    private static PlacementUnit groupToMoveIn(PlacementSolution start, String providerId) {
        Provider p = provider(start, providerId);
        int load = start.getUnits().stream()
                .filter(u -> u.getProvider() == p)
                .mapToInt(PlacementUnit::size)
                .sum();
        PlacementUnit best = null;
        long bestGain = 0;
        for (PlacementUnit unit : start.getUnits()) {
            if (unit.isPinned()
                    || unit.size() < 2
                    || unit.getProvider() == p
                    || unit.size() > p.getPlaces()
                    || p.getPlaces() - load >= unit.size()
                    || !unit.isEligible(p)) {
                continue;
            }
            long now = unit.getProvider() == null ? Long.MAX_VALUE / 4 : unit.staticSoftPoints(unit.getProvider());
            long gain = now - unit.staticSoftPoints(p);
            if (gain > bestGain) {
                bestGain = gain;
                best = unit;
            }
        }
        return best;
    }

    private static Provider provider(PlacementSolution solution, String providerId) {
        return solution.getProviders().stream()
                .filter(q -> q.getId().equals(providerId))
                .findFirst()
                .orElseThrow();
    }

    /** The children placed differently in {@code after} than in {@code before} (children matched by id). */
    private static List<Child> moved(PlacementSolution before, PlacementSolution after) {
        Map<String, Provider> was = new HashMap<>();
        PlanWriter.providerByChild(before).forEach((child, provider) -> was.put(child.getId(), provider));
        Map<String, Child> beforeChildren = new HashMap<>();
        before.getChildren().forEach(c -> beforeChildren.put(c.getId(), c));
        List<Child> moved = new ArrayList<>();
        Map<Child, Provider> now = PlanWriter.providerByChild(after);
        for (Child child : after.getChildren()) {
            Provider old = was.get(child.getId());
            Provider current = now.get(child);
            String oldId = old == null ? null : old.getId();
            String newId = current == null ? null : current.getId();
            if (oldId == null ? newId != null : !oldId.equals(newId)) {
                moved.add(beforeChildren.get(child.getId()));
            }
        }
        return moved;
    }

    /** The problem with one more place at the provider. */
    static PlacementProblem withOneMorePlace(PlacementProblem problem, String providerId) {
        List<ProviderInput> providers = new ArrayList<>(problem.providers().size());
        for (ProviderInput p : problem.providers()) {
            providers.add(p.id().equals(providerId) ? oneMorePlace(p) : p);
        }
        return new PlacementProblem(
                problem.schemaVersion(),
                problem.name(),
                problem.referenceDate(),
                problem.homeAuthority(),
                problem.weights(),
                providers,
                problem.children(),
                problem.adjoiningAuthorities(),
                problem.minimumOfstedJudgement());
    }

    private static ProviderInput oneMorePlace(ProviderInput p) {
        return new ProviderInput(
                p.id(),
                p.type(),
                p.localAuthority(),
                p.location(),
                p.places() + 1,
                p.ageMin(),
                p.ageMax(),
                p.acceptsGenders(),
                p.capabilities(),
                p.weeklyCost(),
                p.availableFrom(),
                p.emergencyApproved(),
                p.connectedChildren(),
                p.fosteringLimitExemption(),
                p.languages(),
                p.religion(),
                p.ofstedUrn(),
                p.registered(),
                p.ofstedJudgement(),
                p.name(),
                p.contact());
    }
}
