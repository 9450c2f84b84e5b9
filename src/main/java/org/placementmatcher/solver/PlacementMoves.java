package org.placementmatcher.solver;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Local-search moves aimed where improvements are likely, standing in for nearby selection (a
 * commercial feature): a unit is sent to one of its cheapest providers (its value range is sorted
 * cheapest first), and when that place is full, an ejection chain makes room: a resident is swapped
 * into the unit's old place, or moved on to its own cheapest place with room, or on to another cheap
 * full place whose resident moves on in turn (up to {@link #MAX_CHAIN} residents); or, for a group of several
 * children (and now and then for one child), as many residents as needed move on for it to fit.
 * Random change and swap moves over the full value ranges still run beside these (see the solver
 * configuration), so every assignment stays reachable.
 *
 * <p>Built on Timefold's public and preview API only; {@link PlacementMovesAdapter} hands these moves to the solver.
 */
public class PlacementMoves {

    /** Most moves look among this many cheapest providers of a unit. */
    static final int CHEAP_FRONT = 48;
    /** Longest chain of residents moved on by one move. */
    static final int MAX_CHAIN = 3;
    /** How far down a unit's cheapest-first candidates to look for a place with room. */
    static final int ROOM_SEARCH = 200;
    /**
     * Units per step between rebuilds of the who-lives-where index (a rebuild reads every unit, so large
     * caseloads rebuild less often); in between, entries are checked before use.
     */
    static final int UNITS_PER_REINDEX_STEP = 100;

    private final PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable;
    /** The "any of them" moves pick among this many of the unit's cheapest ({@link CandidateLimit}). */
    private final int candidateLimit;

    private PlacementSolution indexed;
    private int stepsSinceIndexed;
    private List<PlacementUnit> movable;
    private Map<Provider, List<PlacementUnit>> unitsAt;
    private Map<Provider, Integer> childrenAt;
    /** The units of each placeTogether=false sibling group, for moves that bring siblings together. */
    private Map<String, List<PlacementUnit>> apartGroups;

    PlacementMoves(PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable) {
        this(variable, CandidateLimit.configured());
    }

    PlacementMoves(PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable, int candidateLimit) {
        this.variable = variable;
        this.candidateLimit = candidateLimit;
    }

    /** A new phase: the solution worked on may be another one. */
    void phaseStarted() {
        indexed = null;
    }

    private void index(PlacementSolution solution) {
        if (solution == indexed && ++stepsSinceIndexed < solution.getUnits().size() / UNITS_PER_REINDEX_STEP) {
            return;
        }
        indexed = solution;
        stepsSinceIndexed = 0;
        movable = new ArrayList<>();
        unitsAt = new HashMap<>();
        childrenAt = new HashMap<>();
        apartGroups = solution.apartGroups(unit -> true);
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned() && !unit.getCandidates().isEmpty()) {
                movable.add(unit);
            }
            if (unit.getProvider() != null) {
                childrenAt.merge(unit.getProvider(), unit.size(), Integer::sum);
                if (!unit.isPinned()) {
                    unitsAt.computeIfAbsent(unit.getProvider(), p -> new ArrayList<>())
                            .add(unit);
                }
            }
        }
    }

    /** How many moves there are, roughly: what the solver weighs this selector by. */
    static long size(PlacementSolution working) {
        return (long) working.getUnits().size() * CHEAP_FRONT;
    }

    /** An endless run of random moves on the working solution, for one step. */
    Iterator<Move<PlacementSolution>> randomMoves(PlacementSolution working, RandomGenerator random) {
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable = this.variable;
        // Moves are tried and undone within a step; the index may lag a few steps behind, so entries are checked.
        index(working);
        List<PlacementUnit> movable = this.movable;
        Map<Provider, List<PlacementUnit>> unitsAt = this.unitsAt;
        Map<Provider, Integer> childrenAt = this.childrenAt;
        Map<String, List<PlacementUnit>> apartGroups = this.apartGroups;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public Move<PlacementSolution> next() {
                PlacementUnit unit = movable.get(random.nextInt(movable.size()));
                Provider from = unit.getProvider();
                Provider to = unit.getApartGroup() != null && random.nextBoolean()
                        ? siblingsPlace(unit, apartGroups.get(unit.getApartGroup()), random)
                        : null;
                if (to == null) {
                    to = cheap(unit, random, candidateLimit);
                }
                if (to == from) {
                    return Moves.change(variable, unit, null);
                }
                List<Move<PlacementSolution>> chain = new ArrayList<>(3);
                chain.add(Moves.change(variable, unit, to));
                if (hasNoRoom(to, unit, childrenAt, Map.of()) && unit.size() > 1 && random.nextBoolean()) {
                    makeRoom(unit, to, chain);
                    return chain.size() == 1 ? chain.getFirst() : Moves.compose(chain);
                }
                // An ejection chain: while the place taken is full, one of its residents moves on, to the place the
                // first unit left (a swap) or to its own cheapest place with room, or on to a cheap full place.
                Provider full = to;
                List<PlacementUnit> inChain = new ArrayList<>(3);
                inChain.add(unit);
                for (int depth = 0; depth < MAX_CHAIN && hasNoRoom(full, unit, childrenAt); depth++) {
                    List<PlacementUnit> there = unitsAt.getOrDefault(full, List.of());
                    if (there.isEmpty()) {
                        break;
                    }
                    PlacementUnit resident = there.get(random.nextInt(there.size()));
                    if (resident.getProvider() != full || inChain.contains(resident)) {
                        break;
                    }
                    inChain.add(resident);
                    if (depth == 0 && from != null && resident.isEligible(from) && random.nextBoolean()) {
                        chain.add(Moves.change(variable, resident, from));
                        break;
                    }
                    Provider roomy = cheapestWithRoom(resident, full, childrenAt);
                    if (roomy != null && (depth == MAX_CHAIN - 1 || random.nextInt(3) > 0)) {
                        chain.add(Moves.change(variable, resident, roomy));
                        break;
                    }
                    Provider next = cheap(resident, random, candidateLimit);
                    if (next == full || next == to) {
                        break;
                    }
                    chain.add(Moves.change(variable, resident, next));
                    full = next;
                }
                return chain.size() == 1 ? chain.getFirst() : Moves.compose(chain);
            }

            /**
             * Residents of the full place, in random order, move on (to the unit's old place now and then, else to
             * their own cheapest place with room) until the unit fits: a group of several children needs several places.
             */
            private void makeRoom(PlacementUnit unit, Provider to, List<Move<PlacementSolution>> chain) {
                Provider from = unit.getProvider();
                Map<Provider, Integer> change = new HashMap<>(8);
                change.merge(to, unit.size(), Integer::sum);
                if (from != null) {
                    change.merge(from, -unit.size(), Integer::sum);
                }
                List<PlacementUnit> there = new ArrayList<>(unitsAt.getOrDefault(to, List.of()));
                java.util.Collections.shuffle(there, random);
                for (PlacementUnit resident : there) {
                    if (!hasNoRoom(to, null, childrenAt, change)) {
                        return;
                    }
                    if (resident.getProvider() != to || resident == unit) {
                        continue;
                    }
                    Provider onward = from != null
                                    && random.nextBoolean()
                                    && resident.isEligible(from)
                                    && !hasNoRoom(from, resident, childrenAt, change)
                            ? from
                            : cheapestWithRoom(resident, to, childrenAt, change);
                    if (onward != null) {
                        chain.add(Moves.change(variable, resident, onward));
                        change.merge(to, -resident.size(), Integer::sum);
                        change.merge(onward, resident.size(), Integer::sum);
                    }
                }
            }
        };
    }

    /**
     * Where one of the unit's apart-placed siblings lives, if the unit may go there (so the move brings them together
     * and saves the siblingsApart points); null when there is no such place.
     */
    private static Provider siblingsPlace(PlacementUnit unit, List<PlacementUnit> group, RandomGenerator random) {
        PlacementUnit sibling = group.get(random.nextInt(group.size()));
        Provider there = sibling.getProvider();
        return sibling != unit && there != null && there != unit.getProvider() && unit.isEligible(there) ? there : null;
    }

    /** Whether the provider has no room for the unit, by the step's (possibly slightly stale) count. */
    private static boolean hasNoRoom(Provider provider, PlacementUnit unit, Map<Provider, Integer> childrenAt) {
        return hasNoRoom(provider, unit, childrenAt, Map.of());
    }

    /**
     * The same, with the children the move being built takes there (or away) added to the count; a null unit
     * asks whether the provider is over its places.
     */
    private static boolean hasNoRoom(
            Provider provider, PlacementUnit unit, Map<Provider, Integer> childrenAt, Map<Provider, Integer> change) {
        return childrenAt.getOrDefault(provider, 0)
                        + change.getOrDefault(provider, 0)
                        + (unit == null ? 0 : unit.size())
                > provider.getPlaces();
    }

    /** The unit's cheapest provider with room for it (other than {@code not}), looking down its cheap front. */
    private static Provider cheapestWithRoom(PlacementUnit unit, Provider not, Map<Provider, Integer> childrenAt) {
        return cheapestWithRoom(unit, not, childrenAt, Map.of());
    }

    private static Provider cheapestWithRoom(
            PlacementUnit unit, Provider not, Map<Provider, Integer> childrenAt, Map<Provider, Integer> change) {
        List<Provider> candidates = unit.getCandidates();
        for (Provider provider : candidates.subList(0, Math.min(ROOM_SEARCH, candidates.size()))) {
            if (provider != not && provider != unit.getProvider() && !hasNoRoom(provider, unit, childrenAt, change)) {
                return provider;
            }
        }
        return null;
    }

    /** One of the unit's cheapest providers, the cheapest most often; now and then any of its first {@code limit}. */
    private static Provider cheap(PlacementUnit unit, RandomGenerator random, int limit) {
        List<Provider> candidates = unit.getCandidates();
        if (random.nextInt(10) == 0) {
            return candidates.get(random.nextInt(Math.min(limit, candidates.size())));
        }
        double r = random.nextDouble();
        int front = Math.min(CHEAP_FRONT, candidates.size());
        return candidates.get((int) (front * r * r));
    }
}
