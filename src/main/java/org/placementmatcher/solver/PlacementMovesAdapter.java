package org.placementmatcher.solver;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import java.util.Iterator;
import java.util.random.RandomGenerator;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * Hands {@link PlacementMoves} to the solver's local search, and near its end the exchanges once more ({@link
 * LateExchanges}); the one class that touches Timefold's {@code impl}
 * packages. Why: in Timefold 2.2 a custom move selector is configured only as a {@code moveIteratorFactory}, whose
 * interface (and the score director it is given) lives in {@code impl}. The preview Neighborhoods API
 * ({@code MoveProvider}, {@code MoveStream}) is its public successor, but it cannot be mixed with the
 * probability-weighted change and swap selectors this configuration runs beside these moves ("Probability-weighted
 * move selectors are not supported together with the Neighborhoods API"), and its move streams enumerate joins
 * rather than sample a unit's cheap front with ejection chains. Move to it once it can.
 */
public class PlacementMovesAdapter implements MoveIteratorFactory<PlacementSolution, Move<PlacementSolution>> {

    private PlacementMoves moves;
    private LateExchanges late;

    @Override
    public void phaseStarted(ScoreDirector<PlacementSolution> scoreDirector) {
        moves(scoreDirector).phaseStarted();
        late.searchStarted(scoreDirector.getWorkingSolution());
    }

    @Override
    public long getSize(ScoreDirector<PlacementSolution> scoreDirector) {
        return PlacementMoves.size(scoreDirector.getWorkingSolution());
    }

    @Override
    public Iterator<Move<PlacementSolution>> createOriginalMoveIterator(
            ScoreDirector<PlacementSolution> scoreDirector) {
        throw new UnsupportedOperationException("these moves are only selected at random");
    }

    @Override
    public Iterator<Move<PlacementSolution>> createRandomMoveIterator(
            ScoreDirector<PlacementSolution> scoreDirector, RandomGenerator random) {
        Iterator<Move<PlacementSolution>> chosen =
                moves(scoreDirector).randomMoves(scoreDirector.getWorkingSolution(), random);
        LateExchanges exchanges = late;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return chosen.hasNext();
            }

            @Override
            public Move<PlacementSolution> next() {
                Move<PlacementSolution> exchange = exchanges.next(scoreDirector.getWorkingSolution());
                return exchange != null ? exchange : chosen.next();
            }
        };
    }

    /** The variable's meta-model is reached through the score director's solution descriptor, again in impl. */
    private PlacementMoves moves(ScoreDirector<PlacementSolution> scoreDirector) {
        if (moves == null) {
            PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable = ((InnerScoreDirector<
                                    PlacementSolution, ?>)
                            scoreDirector)
                    .getSolutionDescriptor()
                    .getMetaModel()
                    .genuineEntity(PlacementUnit.class)
                    .basicVariable("provider", Provider.class);
            moves = new PlacementMoves(variable);
            late = new LateExchanges(variable);
        }
        return moves;
    }
}
