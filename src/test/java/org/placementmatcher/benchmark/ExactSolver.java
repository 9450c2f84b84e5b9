package org.placementmatcher.benchmark;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ScoreText;

/**
 * The exact reference: the contract's score optimised to proven optimality (or to a proven bound when
 * the time limit stops it), lexicographically — first the medium level (placed urgency weight), then,
 * with that fixed, the soft level. Benchmark only (test scope): the service never depends on it.
 *
 * <p>The model is over the same placement units the engine plans ({@code ProblemMapper.toSolution}): a
 * boolean {@code x[u,p]} for each provider {@code p} among unit {@code u}'s candidates (the providers
 * passing every per-child rule for every member), at most one per unit; pinned units are constants at
 * their current placement. The rules that depend on who else is at a provider are constraints:
 * <ul>
 * <li>H1: Σ size·x plus the pinned children there ≤ places (if the pinned children alone already exceed
 * it, that constant violation stays in the hard score and nobody else may be added there);</li>
 * <li>H14 (foster types without exemption): more than 3 children only when every unit there shares one
 * sibling key — {@code z[p,g]} gives provider p over to key g;</li>
 * <li>H10/H11: two units with a conflicting pair of members never share a provider; a unit with a
 * conflict inside it is never placed;</li>
 * <li>H3 needs nothing: a placeTogether group is one unit (pinned-apart groups are constants).</li>
 * </ul>
 * Every hard point that is not a constant of pinned units is therefore excluded, which is exactly the
 * best hard score (adding a unit never removes a hard point). Soft: for each {@code x[u,p]} the per-child
 * terms of {@link SoftTerms} summed over the members (the one definition), plus siblingsApart per
 * placeTogether=false group: weight × (providers used − 1), linearised with {@code used[g,p]} and
 * {@code any[g]}, both defined exactly (not only bounded) so any feasible solution's objective is its soft score.
 *
 * <p>Two back ends solve the same model, both from OR-Tools: CP-SAT ({@link Backend#CP_SAT}, 2 workers) and
 * the SCIP mixed-integer solver bundled with it ({@link Backend#SCIP}). The placement structure (an
 * assignment with capacities) has a strong LP relaxation, which SCIP's branch and bound uses directly; CP-SAT
 * with only 2 workers proves much weaker bounds on the county-sized sets.
 *
 * <p>The answer is always re-scored by Timefold's own constraint streams
 * ({@link PlacementSolver#score}) and compared with the solver's objective; {@link Result#scoreCheck()}
 * says whether they agree.
 */
public final class ExactSolver {

    /** Which OR-Tools solver runs the model. */
    public enum Backend {
        CP_SAT,
        SCIP
    }

    /** How one stage ended: status, objective and best bound, in the stage's own sense (see fields). */
    public record Stage(String status, long objective, long bound, double seconds) {

        public boolean optimal() {
            return "OPTIMAL".equals(status);
        }

        public boolean hasSolution() {
            return "OPTIMAL".equals(status) || "FEASIBLE".equals(status);
        }
    }

    /**
     * The exact answer.
     *
     * @param solution the solution with the exact assignment set and scored by Timefold (null when no stage found one)
     * @param score Timefold's score of it
     * @param placing stage 1: objective = urgency weight placed (maximised), bound = upper bound on it
     * @param soft stage 2: objective = soft points (minimised, including the pinned units' constants), bound = lower bound on them
     * @param mediumBound the best medium any plan can have (= the medium found when stage 1 is optimal)
     * @param softBound when stage 1 is optimal: the best soft score any plan with the optimal medium can have; else null
     * @param scoreCheck null when Timefold's score equals the solver's objectives; else what differs
     */
    public record Result(
            Backend backend,
            PlacementSolution solution,
            HardMediumSoftScore score,
            Stage placing,
            Stage soft,
            long mediumBound,
            Long softBound,
            String scoreCheck,
            ModelSize size) {

        /** Both stages proven optimal: {@link #score()} is the true lexicographic optimum. */
        public boolean optimal() {
            return placing.optimal() && soft != null && soft.optimal();
        }

        public String status() {
            if ("TOO_LARGE".equals(placing.status())) {
                return "TOO_LARGE";
            }
            if (solution == null) {
                return "NO_SOLUTION";
            }
            return optimal() ? "OPTIMAL" : "FEASIBLE";
        }

        /** The bound of the lexicographic score, Timefold-style: the hard constant, the medium bound, the soft bound. */
        public String boundText() {
            if (softBound == null) {
                return "medium <= " + mediumBound;
            }
            return ScoreText.format(
                    HardMediumSoftScore.of(score == null ? 0 : score.hardScore(), mediumBound, softBound));
        }
    }

    /** Size of the model, for the report. */
    public record ModelSize(int units, int freeUnits, int placementVars, int otherVars, int constraints) {}

    /** Loads OR-Tools' native library once (about 0.4 s); throws where this machine has none. */
    public static void loadNativeLibraries() {
        OrToolsNative.load();
    }

    /** Above this many placement variables the solver refuses (memory): the county-1200 set has 165,000. */
    public static final long DEFAULT_MAX_VARIABLES = 500_000;

    private final PlacementSolver scorer;
    private final Backend backend;
    private final int workers;
    private final long maxVariables;

    public ExactSolver(PlacementSolver scorer) {
        this(scorer, Backend.SCIP, 2);
    }

    /** @param workers CP-SAT's worker threads (SCIP runs on one) */
    public ExactSolver(PlacementSolver scorer, Backend backend, int workers) {
        this(scorer, backend, workers, DEFAULT_MAX_VARIABLES);
    }

    /** @param maxVariables the most placement variables it will take on (memory) */
    public ExactSolver(PlacementSolver scorer, Backend backend, int workers, long maxVariables) {
        this.scorer = scorer;
        this.backend = backend;
        this.workers = workers;
        this.maxVariables = maxVariables;
    }

    /**
     * Solves to optimality or until {@code limit} (both stages together; stage 1 gets at most half,
     * stage 2 the rest). The solution comes from {@code ProblemMapper.toSolution}; its units' providers are
     * overwritten with the exact assignment.
     *
     * @param hint a starting assignment per unit id (e.g. the greedy's or an engine plan's; providers are matched by
     *     id), or null: stage 1 starts from it, and stage 2 too where it places stage 1's weight
     */
    public Result solve(PlacementSolution solution, Duration limit, Map<String, Provider> hint) {
        loadNativeLibraries();
        long start = System.nanoTime();
        double totalSeconds = limit.toMillis() / 1000.0;
        long placementVars = solution.getUnits().stream()
                .filter(u -> !u.isPinned())
                .mapToLong(u -> u.getCandidates().size())
                .sum();
        if (placementVars > maxVariables) {
            // Refuse rather than exhaust the machine: SCIP took over 22 GB on the region's 3 million variables.
            int free = (int)
                    solution.getUnits().stream().filter(u -> !u.isPinned()).count();
            return new Result(
                    backend,
                    null,
                    null,
                    new Stage("TOO_LARGE", 0, 0, 0),
                    null,
                    0,
                    null,
                    String.format(
                            java.util.Locale.ROOT,
                            "model too large (%,d candidate placements, limit %,d; SCIP was killed "
                                    + "at 22 GB on the region's model)",
                            placementVars,
                            maxVariables),
                    new ModelSize(solution.getUnits().size(), free, (int) placementVars, 0, 0));
        }
        Model m = new Model(solution);
        m.build();
        System.err.printf(java.util.Locale.ROOT, "exact: model %s built in %.1f s%n", m.size(), elapsed(start));
        boolean[] hintValues = hint == null ? null : m.hintValues(hint);
        String hintViolates = hintValues == null ? null : m.lin.firstViolated(hintValues);
        if (hintViolates != null) {
            System.err.println("exact: the start solution is not feasible in the model (" + hintViolates + ")");
        }

        // Stage 1: place as much urgency weight as possible.
        double stage1Limit = Math.max(0.5, totalSeconds / 2 - elapsed(start));
        Outcome one = run(m.lin, m.placedCoeffs, true, null, 0, hintValues, stage1Limit);
        long placingBound = Double.isFinite(one.bound)
                ? Math.min(m.totalFreeWeight, (long) Math.floor(one.bound + 1e-6))
                : m.totalFreeWeight;
        Stage placing =
                new Stage(one.status, one.hasSolution() ? Math.round(one.objective) : 0, placingBound, one.seconds);
        long mediumBound = -(m.totalFreeWeight - placing.bound()) - m.pinnedUnplacedWeight;
        if (!placing.hasSolution()) {
            return new Result(backend, null, null, placing, null, mediumBound, null, null, m.size());
        }
        long placedWeight = m.lin.value(m.placedCoeffs, one.values);
        System.err.printf(
                java.util.Locale.ROOT,
                "exact: stage 1 %s, placed weight %d (bound %d) at %.1f s%n",
                one.status,
                placedWeight,
                placing.bound(),
                elapsed(start));

        // Stage 2: with the placed weight fixed, minimise the soft points.
        double lpSeconds = Double.parseDouble(System.getProperty(
                "exact.lpSeconds", Double.toString(Math.min(120, Math.max(10, totalSeconds / 5)))));
        double stage2Limit = Math.max(0.5, totalSeconds - elapsed(start));
        boolean[] stage2Start = stageTwoStart(m.lin, m.placedCoeffs, placedWeight, hintValues, one.values);
        Outcome two = run(m.lin, m.softCoeffs, false, m.placedCoeffs, placedWeight, stage2Start, stage2Limit);
        Stage soft;
        boolean[] values;
        if (two.hasSolution()) {
            // Without a bound from the solver: every x and every group's (used − any) adds >= 0, so 0 is one.
            long bound = Double.isFinite(two.bound) ? Math.max(0, (long) Math.ceil(two.bound - 1e-6)) : 0;
            if (!"OPTIMAL".equals(two.status)) {
                // Stopped before proving much (on the larger sets the MIP's root LP alone can take minutes): the LP
                // relaxation's optimum, solved on its own, is a valid bound as well.
                long lpStart = System.nanoTime();
                double lp = lpBound(m.lin, m.softCoeffs, m.placedCoeffs, placedWeight, lpSeconds);
                System.err.printf(
                        java.util.Locale.ROOT,
                        "exact: LP relaxation bound %.1f (+ %d constant) in %.1f s%n",
                        lp,
                        m.softConstant,
                        elapsed(lpStart));
                if (Double.isFinite(lp)) {
                    bound = Math.max(bound, (long) Math.ceil(lp - 1e-6));
                }
            }
            soft = new Stage(
                    two.status, Math.round(two.objective) + m.softConstant, bound + m.softConstant, two.seconds);
            values = two.values;
        } else {
            // Cannot happen with stage 1's solution as the start, but keep that solution if it does.
            soft = new Stage(
                    two.status, m.lin.value(m.softCoeffs, one.values) + m.softConstant, m.softConstant, two.seconds);
            values = one.values;
        }
        m.apply(values);
        long medium = -(m.totalFreeWeight - placedWeight) - m.pinnedUnplacedWeight;
        Long softBound = placing.optimal() ? -soft.bound() : null;

        HardMediumSoftScore hardConstant = m.pinnedOnlyScore(scorer);
        HardMediumSoftScore score = scorer.score(solution);
        long expectedSoft = -(m.lin.value(m.softCoeffs, values) + m.softConstant);
        List<String> problems = new ArrayList<>();
        String violated = m.lin.firstViolated(values);
        if (violated != null) {
            problems.add("the solver's assignment violates " + violated);
        }
        if (score.hardScore() != hardConstant.hardScore()) {
            problems.add("hard " + score.hardScore() + " but the pinned units alone give " + hardConstant.hardScore());
        }
        if (score.mediumScore() != medium) {
            problems.add("medium " + score.mediumScore() + " but the placed weight gives " + medium);
        }
        if (score.softScore() != expectedSoft) {
            problems.add("soft " + score.softScore() + " but the model's soft objective gives " + expectedSoft);
        }
        if (-soft.objective() != expectedSoft) {
            problems.add(
                    "reported objective " + soft.objective() + " differs from its assignment's " + (-expectedSoft));
        }
        return new Result(
                backend,
                solution,
                score,
                placing,
                soft,
                mediumBound,
                softBound,
                problems.isEmpty() ? null : String.join("; ", problems),
                m.size());
    }

    /**
     * Stage 2's start: the hint where it keeps every row and places stage 1's weight (e.g. an engine plan: a good
     * incumbent lets the MIP prune, and fix variables by reduced cost, from the root), else stage 1's solution.
     */
    static boolean[] stageTwoStart(
            Lin lin, long[] placedCoeffs, long placedWeight, boolean[] hint, boolean[] stageOne) {
        boolean usable =
                hint != null && lin.firstViolated(hint) == null && lin.value(placedCoeffs, hint) == placedWeight;
        return usable ? hint : stageOne;
    }

    private static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** What a back end returned for one stage. */
    private record Outcome(String status, double objective, double bound, boolean[] values, double seconds) {

        boolean hasSolution() {
            return values != null;
        }
    }

    /**
     * Optimises {@code objective} over the model, with {@code fixed·x == fixedValue} added when {@code fixed} is
     * not null, starting from {@code start} (a hint, may be null).
     */
    private Outcome run(
            Lin lin,
            long[] objective,
            boolean maximise,
            long[] fixed,
            long fixedValue,
            boolean[] start,
            double seconds) {
        return backend == Backend.CP_SAT
                ? runCpSat(lin, objective, maximise, fixed, fixedValue, start, seconds)
                : runMip(backend.name(), lin, objective, maximise, fixed, fixedValue, start, seconds);
    }

    private Outcome runCpSat(
            Lin lin,
            long[] objective,
            boolean maximise,
            long[] fixed,
            long fixedValue,
            boolean[] start,
            double seconds) {
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[lin.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = model.newBoolVar("");
        }
        for (Lin.Row row : lin.rows) {
            LinearExpr e = expr(x, row.vars(), row.coeffs());
            var c = row.lb() == Long.MIN_VALUE
                    ? model.addLessOrEqual(e, row.ub())
                    : row.ub() == Long.MAX_VALUE
                            ? model.addGreaterOrEqual(e, row.lb())
                            : model.addLinearConstraint(e, row.lb(), row.ub());
            if (row.enforcedBy() >= 0) {
                c.onlyEnforceIf(x[row.enforcedBy()]);
            }
        }
        if (fixed != null) {
            model.addEquality(dense(x, fixed), fixedValue);
        }
        if (maximise) {
            model.maximize(dense(x, objective));
        } else {
            model.minimize(dense(x, objective));
        }
        if (start != null) {
            for (int i = 0; i < x.length; i++) {
                model.addHint(x[i], start[i]);
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setNumWorkers(workers)
                .setMaxTimeInSeconds(seconds)
                .setRandomSeed(1)
                .setLogSearchProgress(false);
        CpSolverStatus status = solver.solve(model);
        boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        boolean[] values = null;
        if (found) {
            values = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = solver.booleanValue(x[i]);
            }
        }
        double bound = found || status == CpSolverStatus.UNKNOWN ? solver.bestObjectiveBound() : 0;
        return new Outcome(status.name(), found ? solver.objectiveValue() : 0, bound, values, solver.wallTime());
    }

    private static LinearExpr expr(BoolVar[] x, int[] vars, long[] coeffs) {
        BoolVar[] terms = new BoolVar[vars.length];
        for (int i = 0; i < vars.length; i++) {
            terms[i] = x[vars[i]];
        }
        return LinearExpr.weightedSum(terms, coeffs);
    }

    private static LinearExpr dense(BoolVar[] x, long[] coeffs) {
        List<BoolVar> terms = new ArrayList<>();
        List<Long> cs = new ArrayList<>();
        for (int i = 0; i < coeffs.length; i++) {
            if (coeffs[i] != 0) {
                terms.add(x[i]);
                cs.add(coeffs[i]);
            }
        }
        return LinearExpr.weightedSum(
                terms.toArray(new BoolVar[0]),
                cs.stream().mapToLong(Long::longValue).toArray());
    }

    private static Outcome runMip(
            String solverId,
            Lin lin,
            long[] objective,
            boolean maximise,
            long[] fixed,
            long fixedValue,
            boolean[] start,
            double seconds) {
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + solverId + " here");
        }
        try {
            MPVariable[] x = new MPVariable[lin.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = solver.makeBoolVar("");
            }
            for (Lin.Row row : lin.rows) {
                if (row.enforcedBy() < 0) {
                    MPConstraint c = solver.makeConstraint(bound(row.lb()), bound(row.ub()));
                    for (int k = 0; k < row.vars().length; k++) {
                        c.setCoefficient(x[row.vars()[k]], row.coeffs()[k]);
                    }
                } else {
                    // e -> Σ a·x <= ub, with a >= 0, lb unbounded and Σ a·x <= bigM anyway: Σ a·x + (M − ub)·e <= M
                    long bigM = row.bigM() - row.ub();
                    MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, row.bigM());
                    for (int k = 0; k < row.vars().length; k++) {
                        c.setCoefficient(x[row.vars()[k]], row.coeffs()[k]);
                    }
                    c.setCoefficient(x[row.enforcedBy()], bigM);
                }
            }
            if (fixed != null) {
                MPConstraint c = solver.makeConstraint(fixedValue, fixedValue);
                for (int i = 0; i < x.length; i++) {
                    if (fixed[i] != 0) {
                        c.setCoefficient(x[i], fixed[i]);
                    }
                }
            }
            MPObjective obj = solver.objective();
            for (int i = 0; i < x.length; i++) {
                if (objective[i] != 0) {
                    obj.setCoefficient(x[i], objective[i]);
                }
            }
            if (maximise) {
                obj.setMaximization();
            } else {
                obj.setMinimization();
            }
            if (start != null) {
                double[] hint = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    hint[i] = start[i] ? 1 : 0;
                }
                solver.setHint(x, hint);
            }
            if (Boolean.getBoolean("exact.log")) {
                solver.enableOutput();
            }
            solver.setTimeLimit(Math.max(1, (long) (seconds * 1000)));
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            long t0 = System.nanoTime();
            MPSolver.ResultStatus status = solver.solve(params);
            double spent = (System.nanoTime() - t0) / 1e9;
            boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            boolean[] values = null;
            if (found) {
                values = new boolean[x.length];
                for (int i = 0; i < x.length; i++) {
                    values[i] = x[i].solutionValue() > 0.5;
                }
            }
            String name = status == MPSolver.ResultStatus.NOT_SOLVED ? "UNKNOWN" : status.name();
            double bound = found ? obj.bestBound() : maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            return new Outcome(name, found ? obj.value() : 0, bound, values, spent);
        } finally {
            solver.delete();
        }
    }

    /**
     * The optimum of the LP relaxation of stage 2 (every variable in [0, 1]), with GLOP: a lower bound on the soft
     * points; -infinity when not solved to optimality within the time.
     */
    private static double lpBound(Lin lin, long[] objective, long[] fixed, long fixedValue, double seconds) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            MPVariable[] x = new MPVariable[lin.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = solver.makeNumVar(0, 1, "");
            }
            for (Lin.Row row : lin.rows) {
                MPConstraint c = row.enforcedBy() < 0
                        ? solver.makeConstraint(bound(row.lb()), bound(row.ub()))
                        : solver.makeConstraint(Double.NEGATIVE_INFINITY, row.bigM());
                for (int k = 0; k < row.vars().length; k++) {
                    c.setCoefficient(x[row.vars()[k]], row.coeffs()[k]);
                }
                if (row.enforcedBy() >= 0) {
                    c.setCoefficient(x[row.enforcedBy()], row.bigM() - row.ub());
                }
            }
            MPConstraint c = solver.makeConstraint(fixedValue, fixedValue);
            MPObjective obj = solver.objective();
            for (int i = 0; i < x.length; i++) {
                if (fixed[i] != 0) {
                    c.setCoefficient(x[i], fixed[i]);
                }
                if (objective[i] != 0) {
                    obj.setCoefficient(x[i], objective[i]);
                }
            }
            obj.setMinimization();
            solver.setTimeLimit(Math.max(1, (long) (seconds * 1000)));
            MPSolver.ResultStatus status = solver.solve();
            // A primal optimum's value is only a valid bound up to the LP tolerances: step back by a whole point.
            return status == MPSolver.ResultStatus.OPTIMAL ? obj.value() - 1 : Double.NEGATIVE_INFINITY;
        } finally {
            solver.delete();
        }
    }

    private static double bound(long value) {
        return value == Long.MIN_VALUE
                ? Double.NEGATIVE_INFINITY
                : value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value;
    }

    /**
     * A 0-1 linear model: boolean variables, rows {@code lb <= Σ a·x <= ub}, optionally enforced only when one
     * variable is 1 (then {@code lb} is unbounded and every {@code a >= 0}).
     */
    static final class Lin {

        /** {@code bigM}: for an enforced row, the most Σ a·x can be when the row is not enforced (for the MIP form). */
        record Row(int[] vars, long[] coeffs, long lb, long ub, int enforcedBy, long bigM) {}

        /** Variable names are kept only for small models (messages); the large ones would fill the heap. */
        private static final int NAMED_UP_TO = 100_000;

        final List<String> names = new ArrayList<>();
        private int size;
        final List<Row> rows = new ArrayList<>();

        int newVar(String name) {
            if (size < NAMED_UP_TO) {
                names.add(name);
            }
            return size++;
        }

        int size() {
            return size;
        }

        String name(int var) {
            return var < names.size() ? names.get(var) : "variable " + var;
        }

        void add(List<Integer> vars, List<Long> coeffs, long lb, long ub) {
            rows.add(new Row(
                    vars.stream().mapToInt(Integer::intValue).toArray(),
                    coeffs.stream().mapToLong(Long::longValue).toArray(),
                    lb,
                    ub,
                    -1,
                    0));
        }

        void atMostOne(List<Integer> vars) {
            add(vars, ones(vars.size()), Long.MIN_VALUE, 1);
        }

        /**
         * If {@code e} is 1, none of {@code vars} is. {@code most} bounds Σ coeffs·vars anyway (e.g. the places
         * left at the provider), which makes the MIP form {@code Σ a·x + M·e <= M} with {@code M = most} tight.
         */
        void noneIf(int e, List<Integer> vars, List<Long> coeffs, long most) {
            long sum = coeffs.stream().mapToLong(Long::longValue).sum();
            rows.add(new Row(
                    vars.stream().mapToInt(Integer::intValue).toArray(),
                    coeffs.stream().mapToLong(Long::longValue).toArray(),
                    Long.MIN_VALUE,
                    0,
                    e,
                    Math.min(sum, most)));
        }

        /** Definitions of auxiliary variables as the OR of others, in creation order, to complete a start solution. */
        final List<int[]> ors = new ArrayList<>();

        /** {@code y} = OR of {@code vars}, exactly. */
        void orOf(int y, List<Integer> vars) {
            for (int v : vars) {
                add(List.of(v, y), List.of(1L, -1L), Long.MIN_VALUE, 0); // v <= y
            }
            List<Integer> all = new ArrayList<>(vars);
            all.add(y);
            List<Long> coeffs = new ArrayList<>(ones(vars.size()));
            coeffs.add(-1L);
            add(all, coeffs, 0, Long.MAX_VALUE); // y <= Σ v
            int[] def = new int[vars.size() + 1];
            def[0] = y;
            for (int i = 0; i < vars.size(); i++) {
                def[i + 1] = vars.get(i);
            }
            ors.add(def);
        }

        static List<Long> ones(int n) {
            List<Long> ones = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ones.add(1L);
            }
            return ones;
        }

        long value(long[] coeffs, boolean[] values) {
            long sum = 0;
            for (int i = 0; i < coeffs.length; i++) {
                if (values[i]) {
                    sum += coeffs[i];
                }
            }
            return sum;
        }

        /** The first row the values violate, or null (a check on the back end's answer). */
        String firstViolated(boolean[] values) {
            for (Row row : rows) {
                if (row.enforcedBy() >= 0 && !values[row.enforcedBy()]) {
                    continue;
                }
                long sum = 0;
                for (int k = 0; k < row.vars().length; k++) {
                    if (values[row.vars()[k]]) {
                        sum += row.coeffs()[k];
                    }
                }
                if (sum < row.lb() || sum > row.ub()) {
                    return "a row on " + name(row.vars()[0]) + " (value " + sum + ", bounds " + row.lb() + ".."
                            + row.ub() + (row.enforcedBy() >= 0 ? ", enforced by " + name(row.enforcedBy()) : "") + ")";
                }
            }
            return null;
        }
    }

    /** The model of one placement solution. */
    private static final class Model {

        final PlacementSolution solution;
        final ScoringWeights weights;
        final Lin lin = new Lin();
        final List<PlacementUnit> units;
        /** Per free unit: its x variables and the matching providers (empty when it cannot be placed). */
        final Map<PlacementUnit, List<Integer>> xs = new LinkedHashMap<>();

        final Map<PlacementUnit, List<Provider>> xProviders = new HashMap<>();
        /** Objective coefficients by variable: soft points, and urgency weight placed. */
        final LongList cost = new LongList();

        final LongList weight = new LongList();
        /** Per provider: the free units that may go there, and their variables. */
        final Map<Provider, List<PlacementUnit>> unitsAt = new LinkedHashMap<>();

        final Map<Provider, List<Integer>> varsAt = new LinkedHashMap<>();
        /** Pinned units per provider. */
        final Map<Provider, List<PlacementUnit>> pinnedAt = new LinkedHashMap<>();
        /** z[p,key]: provider p given over to one sibling key beyond the fostering limit's base. */
        record ZDef(int z, Provider provider, String key, long base) {}

        final List<ZDef> zDefs = new ArrayList<>();
        long softConstant;
        long totalFreeWeight;
        long pinnedUnplacedWeight;
        long[] placedCoeffs;
        long[] softCoeffs;
        int placementVars;

        Model(PlacementSolution solution) {
            this.solution = solution;
            this.weights = solution.getWeights();
            this.units = solution.getUnits();
        }

        void build() {
            for (PlacementUnit unit : units) {
                if (unit.isPinned()) {
                    if (unit.getProvider() == null) {
                        pinnedUnplacedWeight += unit.getUnplacedWeight();
                    } else {
                        pinnedAt.computeIfAbsent(unit.getProvider(), p -> new ArrayList<>())
                                .add(unit);
                        softConstant += perChildSoft(unit, unit.getProvider());
                    }
                }
            }
            for (PlacementUnit unit : units) {
                if (unit.isPinned()) {
                    continue;
                }
                totalFreeWeight += unit.getUnplacedWeight();
                List<Integer> vars = new ArrayList<>();
                List<Provider> providers = new ArrayList<>();
                if (!hasInternalConflict(unit)) {
                    for (Provider p : unit.getCandidates()) {
                        if (!mayJoinPinned(unit, p)) {
                            continue;
                        }
                        int x = lin.newVar("x_" + unit.getId() + "_" + p.getId());
                        vars.add(x);
                        providers.add(p);
                        cost.set(x, perChildSoft(unit, p));
                        weight.set(x, (long) unit.getUnplacedWeight());
                        unitsAt.computeIfAbsent(p, q -> new ArrayList<>()).add(unit);
                        varsAt.computeIfAbsent(p, q -> new ArrayList<>()).add(x);
                    }
                }
                if (vars.size() > 1) {
                    lin.atMostOne(vars);
                }
                xs.put(unit, vars);
                xProviders.put(unit, providers);
                placementVars += vars.size();
            }
            for (Provider p : varsAt.keySet()) {
                capacityAndFosteringLimit(p);
            }
            conflicts();
            siblingsApart();
            placedCoeffs = weight.toArray(lin.size());
            softCoeffs = cost.toArray(lin.size());
        }

        long perChildSoft(PlacementUnit unit, Provider p) {
            long points = 0;
            for (Child child : unit.getMembers()) {
                points += SoftTerms.totalPoints(child, p, weights);
            }
            return points;
        }

        static boolean hasInternalConflict(PlacementUnit unit) {
            return PlacementRules.pairsWithin(unit.getMembers(), HardRule.H10) > 0
                    || PlacementRules.pairsWithin(unit.getMembers(), HardRule.H11) > 0;
        }

        static boolean conflict(PlacementUnit a, PlacementUnit b) {
            return PlacementRules.riskToYoungerPoints(a.getMembers(), b.getMembers()) > 0
                    || PlacementRules.solePlacementPoints(a.getMembers(), b.getMembers()) > 0;
        }

        int pinnedCount(Provider p) {
            return pinnedAt.getOrDefault(p, List.of()).stream()
                    .mapToInt(PlacementUnit::size)
                    .sum();
        }

        Set<String> pinnedKeys(Provider p) {
            Set<String> keys = new HashSet<>();
            for (PlacementUnit u : pinnedAt.getOrDefault(p, List.of())) {
                keys.add(u.getSiblingKey());
            }
            return keys;
        }

        /** Whether the unit alone could join the pinned units at p without adding a hard point. */
        boolean mayJoinPinned(PlacementUnit unit, Provider p) {
            int total = pinnedCount(p) + unit.size();
            Set<String> keys = pinnedKeys(p);
            keys.add(unit.getSiblingKey());
            if (PlacementRules.capacityPoints(p, total) > 0
                    || PlacementRules.fosteringLimitPoints(p, total, keys.size() == 1) > 0) {
                return false;
            }
            for (PlacementUnit other : pinnedAt.getOrDefault(p, List.of())) {
                if (conflict(unit, other)) {
                    return false;
                }
            }
            return true;
        }

        /** H1 and H14 at one provider. */
        void capacityAndFosteringLimit(Provider p) {
            List<PlacementUnit> at = unitsAt.get(p);
            List<Integer> vars = varsAt.get(p);
            int pinned = pinnedCount(p);
            long capacity = Math.max(0, p.getPlaces() - pinned);
            List<Integer> terms = new ArrayList<>(vars);
            List<Long> sizes = new ArrayList<>();
            int maxChildren = 0;
            for (PlacementUnit u : at) {
                sizes.add((long) u.size());
                maxChildren += u.size();
            }
            if (!PlacementRules.fosteringLimitApplies(p)) {
                if (maxChildren > capacity) {
                    lin.add(terms, sizes, Long.MIN_VALUE, capacity);
                }
                return;
            }
            long base = Math.min(capacity, Math.max(0, PlacementRules.USUAL_FOSTERING_LIMIT - pinned));
            if (maxChildren <= base) {
                return;
            }
            // Keys that could take the provider beyond 3 on their own (with the pinned children, all of that key).
            Set<String> pinnedKeys = pinnedKeys(p);
            Map<String, Integer> sizeByKey = new LinkedHashMap<>();
            for (PlacementUnit u : at) {
                sizeByKey.merge(u.getSiblingKey(), u.size(), Integer::sum);
            }
            List<Integer> zs = new ArrayList<>();
            List<String> zKeys = new ArrayList<>();
            if (capacity > base) {
                for (Map.Entry<String, Integer> e : sizeByKey.entrySet()) {
                    String key = e.getKey();
                    boolean pinnedCompatible =
                            pinnedKeys.isEmpty() || pinnedKeys.size() == 1 && pinnedKeys.contains(key);
                    if (pinnedCompatible && pinned + e.getValue() > PlacementRules.USUAL_FOSTERING_LIMIT) {
                        zs.add(lin.newVar("z_" + p.getId() + "_" + key));
                        zKeys.add(key);
                    }
                }
            }
            // Σ size·x − (capacity − base)·Σ z <= base
            List<Integer> limitVars = new ArrayList<>(terms);
            List<Long> limitCoeffs = new ArrayList<>(sizes);
            for (int z : zs) {
                limitVars.add(z);
                limitCoeffs.add(-(capacity - base));
            }
            lin.add(limitVars, limitCoeffs, Long.MIN_VALUE, base);
            if (!zs.isEmpty()) {
                lin.add(terms, sizes, Long.MIN_VALUE, capacity);
            }
            if (zs.size() > 1) {
                lin.atMostOne(zs);
            }
            for (int k = 0; k < zs.size(); k++) {
                String key = zKeys.get(k);
                List<Integer> others = new ArrayList<>();
                List<Long> otherSizes = new ArrayList<>();
                for (int i = 0; i < at.size(); i++) {
                    if (!at.get(i).getSiblingKey().equals(key)) {
                        others.add(vars.get(i));
                        otherSizes.add((long) at.get(i).size());
                    }
                }
                if (!others.isEmpty()) {
                    lin.noneIf(zs.get(k), others, otherSizes, capacity); // z[p,key] -> no unit of another key at p
                }
                zDefs.add(new ZDef(zs.get(k), p, key, base));
            }
        }

        /** H10/H11: if a unit with such a child is at p, no unit it conflicts with is at p. */
        void conflicts() {
            // Which free units each unit with such a child conflicts with, worked out once per pair of units.
            Map<PlacementUnit, Set<PlacementUnit>> conflictsOf = new HashMap<>();
            for (PlacementUnit u : xs.keySet()) {
                if (xs.get(u).isEmpty() || !(u.isAnyRiskToYounger() || u.isAnySolePlacement())) {
                    continue;
                }
                Set<PlacementUnit> others = new HashSet<>();
                for (PlacementUnit v : xs.keySet()) {
                    if (v != u && !xs.get(v).isEmpty() && conflict(u, v)) {
                        others.add(v);
                    }
                }
                conflictsOf.put(u, others);
            }
            for (Provider p : unitsAt.keySet()) {
                List<PlacementUnit> at = unitsAt.get(p);
                List<Integer> vars = varsAt.get(p);
                for (int i = 0; i < at.size(); i++) {
                    Set<PlacementUnit> others = conflictsOf.get(at.get(i));
                    if (others == null || others.isEmpty()) {
                        continue;
                    }
                    List<Integer> conflicting = new ArrayList<>();
                    List<Long> sizes = new ArrayList<>();
                    for (int j = 0; j < at.size(); j++) {
                        if (others.contains(at.get(j))) {
                            conflicting.add(vars.get(j));
                            sizes.add((long) at.get(j).size());
                        }
                    }
                    if (!conflicting.isEmpty()) {
                        lin.noneIf(vars.get(i), conflicting, sizes, Math.max(0, p.getPlaces() - pinnedCount(p)));
                    }
                }
            }
        }

        /** siblingsApart: weight × (providers used by the group's placed members − 1), per placeTogether=false group. */
        void siblingsApart() {
            long w = weights.siblingsApart();
            Map<String, List<PlacementUnit>> groups = new LinkedHashMap<>();
            for (PlacementUnit u : units) {
                if (u.getApartGroup() != null) {
                    groups.computeIfAbsent(u.getApartGroup(), g -> new ArrayList<>())
                            .add(u);
                }
            }
            for (Map.Entry<String, List<PlacementUnit>> e : groups.entrySet()) {
                Set<Provider> pinnedProviders = new LinkedHashSet<>();
                Map<Provider, List<Integer>> free = new LinkedHashMap<>();
                for (PlacementUnit u : e.getValue()) {
                    if (u.isPinned()) {
                        if (u.getProvider() != null) {
                            pinnedProviders.add(u.getProvider());
                        }
                        continue;
                    }
                    List<Integer> vars = xs.get(u);
                    List<Provider> providers = xProviders.get(u);
                    for (int i = 0; i < vars.size(); i++) {
                        free.computeIfAbsent(providers.get(i), p -> new ArrayList<>())
                                .add(vars.get(i));
                    }
                }
                softConstant += w * Math.max(0, pinnedProviders.size() - 1);
                if (w == 0) {
                    continue;
                }
                List<Integer> used = new ArrayList<>();
                for (Map.Entry<Provider, List<Integer>> f : free.entrySet()) {
                    if (pinnedProviders.contains(f.getKey())) {
                        continue; // already counted
                    }
                    int y = lin.newVar("used_" + e.getKey() + "_" + f.getKey().getId());
                    lin.orOf(y, f.getValue());
                    cost.set(y, w);
                    used.add(y);
                }
                if (!used.isEmpty() && pinnedProviders.isEmpty()) {
                    // − w·any, any = OR(used): the first provider used is free
                    int any = lin.newVar("any_" + e.getKey());
                    lin.orOf(any, used);
                    cost.set(any, -w);
                }
            }
        }

        /**
         * A start solution from an assignment, with the auxiliary variables (z, used, any) set to match, so that a
         * feasible plan gives a feasible start (a start with them all 0 would be rejected).
         */
        boolean[] hintValues(Map<String, Provider> hint) {
            boolean[] values = new boolean[lin.size()];
            for (Map.Entry<PlacementUnit, List<Integer>> e : xs.entrySet()) {
                Provider wanted = hint.get(e.getKey().getId());
                List<Provider> providers = xProviders.get(e.getKey());
                for (int i = 0; i < providers.size(); i++) {
                    // By id: the hint may come from another mapping of the same problem (other Provider objects).
                    values[e.getValue().get(i)] =
                            wanted != null && providers.get(i).getId().equals(wanted.getId());
                }
            }
            for (ZDef z : zDefs) {
                List<PlacementUnit> at = unitsAt.get(z.provider());
                List<Integer> vars = varsAt.get(z.provider());
                long children = 0;
                boolean allOfKey = true;
                for (int i = 0; i < at.size(); i++) {
                    if (values[vars.get(i)]) {
                        children += at.get(i).size();
                        allOfKey &= at.get(i).getSiblingKey().equals(z.key());
                    }
                }
                values[z.z()] = children > z.base() && allOfKey;
            }
            for (int[] or : lin.ors) {
                boolean any = false;
                for (int i = 1; i < or.length; i++) {
                    any |= values[or[i]];
                }
                values[or[0]] = any;
            }
            return values;
        }

        void apply(boolean[] values) {
            for (Map.Entry<PlacementUnit, List<Integer>> e : xs.entrySet()) {
                Provider chosen = null;
                List<Integer> vars = e.getValue();
                for (int i = 0; i < vars.size(); i++) {
                    if (values[vars.get(i)]) {
                        chosen = xProviders.get(e.getKey()).get(i);
                    }
                }
                e.getKey().setProvider(chosen);
            }
        }

        /** Timefold's score with only the pinned units placed: its hard part is the constant the model cannot avoid. */
        HardMediumSoftScore pinnedOnlyScore(PlacementSolver scorer) {
            Map<PlacementUnit, Provider> saved = new HashMap<>();
            for (PlacementUnit u : xs.keySet()) {
                saved.put(u, u.getProvider());
                u.setProvider(null);
            }
            HardMediumSoftScore score = scorer.score(solution);
            saved.forEach(PlacementUnit::setProvider);
            return score;
        }

        ModelSize size() {
            return new ModelSize(units.size(), xs.size(), placementVars, lin.size() - placementVars, lin.rows.size());
        }
    }

    /** A growable array of longs by index (boxed maps would not fit the region's millions of variables in 2 GB). */
    static final class LongList {

        private long[] values = new long[1024];

        void set(int index, long value) {
            if (index >= values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(index + 1, values.length * 2));
            }
            values[index] = value;
        }

        long[] toArray(int size) {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
