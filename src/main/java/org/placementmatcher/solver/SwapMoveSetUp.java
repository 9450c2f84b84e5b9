package org.placementmatcher.solver;

import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * Timefold's swap moves on a caseload too large for them. A unit's providers depend on the unit, so before local search
 * starts, its swap moves work out, for every provider, which units could swap into it: for each unit (pinned ones too)
 * and each of its providers, a set over all providers joined in. That cannot be stopped, and grows with units times
 * candidates times providers: on the national sample (66,225 units, about 700 candidates each, 56,049 providers) the
 * solve ended 91 s past a 600 s limit, local search still starting (solver-config/BENCHMARKS.md, "Ending at the
 * limit on national"). Above {@link #MOST_WORDS} local search runs without them: the project's own moves swap
 * residents too.
 */
final class SwapMoveSetUp {

    /**
     * The most 64-bit words the set-up may join: about 25 s of work at the rate seen on national (40 billion words,
     * more than 100 s). The rcc sample comes to 2.6 billion (about 6 s at that rate), county-1200 to 3.4 million.
     */
    static final long MOST_WORDS = 10_000_000_000L;

    private SwapMoveSetUp() {}

    /** The words the swap moves' set-up joins on this caseload: each unit's candidates, a set of providers each. */
    static long words(PlacementSolution solution) {
        long wordsPerSet = (solution.getProviders().size() + 63) / 64;
        long pairs = 0;
        for (PlacementUnit unit : solution.getUnits()) {
            pairs += unit.getCandidates().size();
        }
        return pairs * wordsPerSet;
    }

    /** Whether local search on this caseload is to run without Timefold's swap moves: above {@code mostWords}. */
    static boolean tooLarge(PlacementSolution solution, long mostWords) {
        return words(solution) > mostWords;
    }

    /**
     * The configuration with every swap move selector taken out of the unions of move selectors its local search phases
     * have at the top (the project's configuration has one); other phases, and a phase with a single selector, as
     * they are.
     */
    static SolverConfig withoutSwapMoves(SolverConfig config) {
        List<PhaseConfig> phases = config.getPhaseConfigList();
        if (phases == null) {
            return config;
        }
        List<PhaseConfig> changed = new ArrayList<>();
        for (PhaseConfig phase : phases) {
            changed.add(phase instanceof LocalSearchPhaseConfig search ? withoutSwapMoves(search) : phase);
        }
        return config.copyConfig().withPhaseList(changed);
    }

    private static PhaseConfig withoutSwapMoves(LocalSearchPhaseConfig search) {
        if (!(search.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union)) {
            return search;
        }
        List<MoveSelectorConfig> kept = new ArrayList<>();
        for (MoveSelectorConfig selector : union.getMoveSelectorList()) {
            if (!(selector instanceof SwapMoveSelectorConfig)) {
                kept.add(selector);
            }
        }
        LocalSearchPhaseConfig copy = search.copyConfig();
        copy.setMoveSelectorConfig(union.copyConfig().withMoveSelectorList(kept));
        return copy;
    }
}
