package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.placementmatcher.domain.PlacementSolution;

/** Makes the Timefold extension's solver factory (built from solver-config/solverConfig.xml) available as a {@link PlacementSolver}. */
@ApplicationScoped
public class SolverProducer {

    @Produces
    @ApplicationScoped
    PlacementSolver placementSolver(SolverConfig config, SolverFactory<PlacementSolution> solverFactory) {
        return new PlacementSolver(config, solverFactory);
    }
}
