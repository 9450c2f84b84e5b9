package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;

import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Local-search moves aimed where improvements are likely, standing in for nearby selection (a
 * commercial feature): a unit is sent to one of its cheapest providers (its value range is sorted
 * cheapest first), and when someone already lives there, that child is swapped into the unit's old
 * place or sent on to one of its own cheap providers, or, for a more urgent unit, unplaced.
 * Random change and swap moves over the full value ranges still run beside these (see the solver
 * configuration), so every assignment stays reachable.
 */
public class PlacementMoves implements MoveIteratorFactory<PlacementSolution, Move<PlacementSolution>> {

    /** Most moves look among this many cheapest providers of a unit. */
    static final int CHEAP_FRONT = 48;
    /** Steps between rebuilds of the who-lives-where index; in between, entries are checked before use. */
    static final int REINDEX_EVERY = 64;

    private PlacementSolution indexed;
    private int stepsSinceIndexed;
    private List<PlacementUnit> movable;
    private Map<Provider, List<PlacementUnit>> unitsAt;

    @Override
    public void phaseStarted(ScoreDirector<PlacementSolution> scoreDirector) {
        indexed = null;
    }

    private void index(PlacementSolution solution) {
        if (solution == indexed && ++stepsSinceIndexed < REINDEX_EVERY) {
            return;
        }
        indexed = solution;
        stepsSinceIndexed = 0;
        movable = new ArrayList<>();
        unitsAt = new HashMap<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned() && !unit.getCandidates().isEmpty()) {
                movable.add(unit);
            }
            if (unit.getProvider() != null && !unit.isPinned()) {
                unitsAt.computeIfAbsent(unit.getProvider(), p -> new ArrayList<>()).add(unit);
            }
        }
    }

    @Override
    public long getSize(ScoreDirector<PlacementSolution> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getUnits().size() * CHEAP_FRONT;
    }

    @Override
    public Iterator<Move<PlacementSolution>> createOriginalMoveIterator(ScoreDirector<PlacementSolution> scoreDirector) {
        throw new UnsupportedOperationException("these moves are only selected at random");
    }

    @Override
    public Iterator<Move<PlacementSolution>> createRandomMoveIterator(ScoreDirector<PlacementSolution> scoreDirector,
            RandomGenerator random) {
        PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable =
                ((InnerScoreDirector<PlacementSolution, ?>) scoreDirector).getSolutionDescriptor().getMetaModel()
                        .genuineEntity(PlacementUnit.class).basicVariable("provider", Provider.class);
        // Moves are tried and undone within a step; the index may lag a few steps behind, so entries are checked.
        index(scoreDirector.getWorkingSolution());
        List<PlacementUnit> movable = this.movable;
        Map<Provider, List<PlacementUnit>> unitsAt = this.unitsAt;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public Move<PlacementSolution> next() {
                PlacementUnit unit = movable.get(random.nextInt(movable.size()));
                Provider from = unit.getProvider();
                Provider to = cheap(unit, random);
                if (to == from) {
                    return Moves.change(variable, unit, null);
                }
                List<PlacementUnit> there = unitsAt.getOrDefault(to, List.of());
                if (there.isEmpty() || random.nextInt(3) == 0) {
                    return Moves.change(variable, unit, to);
                }
                PlacementUnit resident = there.get(random.nextInt(there.size()));
                if (resident.getProvider() != to || resident == unit) {
                    return Moves.change(variable, unit, to);
                }
                Provider onward;
                if (from != null && resident.isEligible(from) && random.nextBoolean()) {
                    onward = from;
                } else if (resident.getUnplacedWeight() < unit.getUnplacedWeight() && random.nextInt(4) == 0) {
                    onward = null;
                } else {
                    onward = cheap(resident, random);
                    if (onward == to) {
                        return Moves.change(variable, unit, to);
                    }
                }
                return Moves.compose(Moves.change(variable, unit, to), Moves.change(variable, resident, onward));
            }
        };
    }

    /** One of the unit's cheapest providers, the cheapest most often; now and then any of them. */
    private static Provider cheap(PlacementUnit unit, RandomGenerator random) {
        List<Provider> candidates = unit.getCandidates();
        if (random.nextInt(10) == 0) {
            return candidates.get(random.nextInt(candidates.size()));
        }
        double r = random.nextDouble();
        int front = Math.min(CHEAP_FRONT, candidates.size());
        return candidates.get((int) (front * r * r));
    }
}
