package org.placementmatcher.register;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreText;

/**
 * What a run's plan changes in the register, child by child, and what each change is worth.
 *
 * <p>A change is a waiting child placed ({@link Kind#NEW_PLACEMENT}), a placed child moved ({@link Kind#MOVE}),
 * or a move from a children's home to a family placement ({@link Kind#STEP_DOWN}). Its
 * {@code scoreGain} is what it contributes to the plan: the plan's score minus the score of the same
 * plan with the child's placement unit left where it is today, both computed by the solver's own
 * constraints (incrementally, one undone move at a time). Gains of changes that depend on each other (one frees the place another takes) need
 * not add up to the plan's gain over today. Each change is also tried alone against today's register
 * with the match service (the same rule definitions): {@code feasibleAlone}, {@code scoreDifferenceAlone}
 * and its reasons; a change that is not possible alone names the children it waits for.
 */
public final class ProposedChanges {

    public enum Kind {
        NEW_PLACEMENT,
        MOVE,
        STEP_DOWN
    }

    private static final int FIRST_LOOK = 20;
    private static final Set<ProviderType> FAMILY =
            Set.of(ProviderType.IN_HOUSE_FOSTER, ProviderType.IFA_FOSTER, ProviderType.CONNECTED_PERSON);

    /** One child's proposed change; members of a placeTogether group change together and list each other. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            String childId,
            List<String> unitChildIds,
            Kind kind,
            String fromProviderId,
            ProviderType fromProviderType,
            String toProviderId,
            ProviderType toProviderType,
            String scoreGain,
            boolean feasibleAlone,
            String scoreDifferenceAlone,
            MatchResult.Approval approval,
            double weeklyCostChange,
            List<String> dependsOn,
            List<String> reasons) {}

    /**
     * @param scoreToday the register as it stands, everyone where they are
     * @param planScore the plan's score, recomputed on the snapshot
     * @param unitIds each change's placement unit (the decision unit)
     * @param unplaced children the plan leaves without a placement
     */
    public record Result(
            String scoreToday,
            String planScore,
            List<Change> changes,
            Map<String, String> unitIds,
            List<String> unplaced) {}

    private ProposedChanges() {}

    public static Result of(PlacementProblem snapshot, PlacementSolution best, PlacementSolver solver) {
        PlacementSolution scoring = ProblemMapper.asToday(snapshot);
        Map<String, Provider> providers = new HashMap<>();
        scoring.getProviders().forEach(p -> providers.put(p.getId(), p));
        Map<String, PlacementUnit> units = new HashMap<>();
        Map<PlacementUnit, Provider> today = new IdentityHashMap<>();
        for (PlacementUnit unit : scoring.getUnits()) {
            units.put(unit.getId(), unit);
            today.put(unit, unit.getProvider());
        }
        HardMediumSoftScore scoreToday = solver.score(scoring);
        for (PlacementUnit planned : best.getUnits()) {
            Provider at = planned.getProvider();
            units.get(planned.getId()).setProvider(at == null ? null : providers.get(at.getId()));
        }
        HardMediumSoftScore planScore = solver.score(scoring);

        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < scoring.getChildren().size(); i++) {
            order.put(scoring.getChildren().get(i).getId(), i);
        }
        Map<Provider, List<Child>> leaving = new HashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (PlacementUnit unit : scoring.getUnits()) {
            for (Child child : unit.getMembers()) {
                if (unit.getProvider() == null) {
                    unplaced.add(child.getId());
                }
                if (child.getCurrentPlacement() != null && child.getCurrentPlacement() != unit.getProvider()) {
                    leaving.computeIfAbsent(child.getCurrentPlacement(), p -> new ArrayList<>())
                            .add(child);
                }
            }
        }
        unplaced.sort(Comparator.comparing(order::get));

        Map<String, String> revert = new HashMap<>();
        for (PlacementUnit unit : scoring.getUnits()) {
            Provider planned = unit.getProvider();
            if (planned != null && unit.getMembers().stream().anyMatch(c -> c.getCurrentPlacement() != planned)) {
                Provider back = today.get(unit);
                revert.put(unit.getId(), back == null ? null : back.getId());
            }
        }
        Map<String, HardMediumSoftScore> without = revert.isEmpty() ? Map.of() : withoutEach(solver, scoring, revert);

        Caseload caseload = Caseload.of(snapshot);
        List<Change> changes = new ArrayList<>();
        Map<String, String> unitIds = new HashMap<>();
        for (PlacementUnit unit : scoring.getUnits()) {
            if (!revert.containsKey(unit.getId())) {
                continue;
            }
            Provider planned = unit.getProvider();
            List<Child> changing = unit.getMembers().stream()
                    .filter(c -> c.getCurrentPlacement() != planned)
                    .toList();
            HardMediumSoftScore gain = planScore.subtract(without.get(unit.getId()));
            Alone alone = alone(caseload, unit, planned, leaving);
            List<String> changingIds = changing.stream().map(Child::getId).toList();
            for (Child child : changing) {
                changes.add(change(child, changingIds, planned, gain, alone));
                unitIds.put(child.getId(), unit.getId());
            }
        }
        changes.sort(Comparator.comparing(c -> order.get(c.childId())));
        return new Result(ScoreText.format(scoreToday), ScoreText.format(planScore), changes, unitIds, unplaced);
    }

    /**
     * The plan's score with each unit put back where it is today, one at a time: a command run on a solver
     * of the same configuration tries each such move and undoes it, so each score is worked out
     * incrementally by the constraint streams rather than from scratch.
     */
    private static Map<String, HardMediumSoftScore> withoutEach(
            PlacementSolver solver, PlacementSolution plan, Map<String, String> revert) {
        RevertEach command = new RevertEach(revert);
        solver.run(plan, command);
        if (command.scores.size() != revert.size()) {
            throw new IllegalStateException(
                    "score gains worked out for " + command.scores.size() + " of " + revert.size() + " changes");
        }
        return command.scores;
    }

    private static final class RevertEach implements PhaseCommand<PlacementSolution> {
        private final Map<String, String> revert;
        private final Map<String, HardMediumSoftScore> scores = new HashMap<>();

        RevertEach(Map<String, String> revert) {
            this.revert = revert;
        }

        @Override
        public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
            PlanningVariableMetaModel<PlacementSolution, PlacementUnit, Provider> variable =
                    context.getSolutionMetaModel()
                            .genuineEntity(PlacementUnit.class)
                            .basicVariable("provider", Provider.class);
            PlacementSolution working = context.getWorkingSolution();
            Map<String, Provider> providers = new HashMap<>();
            working.getProviders().forEach(p -> providers.put(p.getId(), p));
            for (PlacementUnit unit : working.getUnits()) {
                if (revert.containsKey(unit.getId())) {
                    String back = revert.get(unit.getId());
                    HardMediumSoftScore score = context.executeTemporarilyAndCalculateScore(
                            Moves.change(variable, unit, back == null ? null : providers.get(back)));
                    scores.put(unit.getId(), score);
                }
            }
        }
    }

    private record Alone(boolean feasible, String scoreDifference, List<String> reasons, List<String> dependsOn) {}

    /** The unit's move tried alone on today's register, everyone else where they are. */
    private static Alone alone(
            Caseload caseload, PlacementUnit unit, Provider planned, Map<Provider, List<Child>> leaving) {
        List<String> ids = unit.getMembers().stream().map(Child::getId).toList();
        MatchResult result;
        try {
            // Options are built for the top of the list only: most planned places are near the top; look further if
            // not.
            result = MatchService.match(caseload, ids, FIRST_LOOK, false);
            if (result.options().stream().noneMatch(o -> o.providerId().equals(planned.getId()))
                    && result.excluded().stream().noneMatch(e -> e.providerId().equals(planned.getId()))
                    && result.feasibleCount() > FIRST_LOOK) {
                result = MatchService.match(caseload, ids, MatchService.MAX_LIMIT, false);
            }
        } catch (InvalidProblemException e) {
            return new Alone(false, null, List.of(), List.of());
        }
        for (MatchResult.Option option : result.options()) {
            if (option.providerId().equals(planned.getId())) {
                return new Alone(true, option.scoreDifference(), option.reasons(), List.of());
            }
        }
        List<String> dependsOn = leaving.getOrDefault(planned, List.of()).stream()
                .map(Child::getId)
                .filter(id -> !ids.contains(id))
                .toList();
        for (MatchResult.Exclusion exclusion : result.excluded()) {
            if (exclusion.providerId().equals(planned.getId())) {
                List<String> reasons = new ArrayList<>();
                exclusion.reasons().forEach(r -> reasons.add("alone, today: " + r));
                return new Alone(false, null, reasons, dependsOn);
            }
        }
        // Feasible alone but beyond the options listed (more than MAX_LIMIT better ones): no reasons to quote.
        return new Alone(true, null, List.of(), List.of());
    }

    private static Change change(
            Child child, List<String> unitIds, Provider to, HardMediumSoftScore gain, Alone alone) {
        Provider from = child.getCurrentPlacement();
        Kind kind = from == null
                ? Kind.NEW_PLACEMENT
                : from.getType() == ProviderType.RESIDENTIAL_HOME && FAMILY.contains(to.getType())
                        ? Kind.STEP_DOWN
                        : Kind.MOVE;
        List<String> reasons = new ArrayList<>();
        switch (kind) {
            case NEW_PLACEMENT ->
                reasons.add("new placement for a waiting child (urgency " + child.getUrgency() + ", needed by "
                        + child.getNeededBy() + ")");
            case STEP_DOWN ->
                reasons.add("step-down from residential care at " + from.getId() + " to a family placement ("
                        + to.getType() + " " + to.getId() + ")");
            case MOVE ->
                reasons.add("move from " + from.getId() + " (" + from.getType() + ") to " + to.getId() + " ("
                        + to.getType() + ")");
        }
        if (child.isNeedsMove()) {
            reasons.add("the current placement is ending");
        }
        double costChange = to.getWeeklyCost() - (from == null ? 0 : from.getWeeklyCost());
        reasons.add(
                from == null
                        ? money(to.getWeeklyCost()) + " a week"
                        : "weekly cost " + money(from.getWeeklyCost()) + " -> " + money(to.getWeeklyCost()));
        if (unitIds.size() > 1) {
            reasons.add("moves together with its sibling group: " + String.join(", ", unitIds));
        }
        if (!alone.dependsOn().isEmpty()) {
            reasons.add("needs the place freed by " + String.join(", ", alone.dependsOn()) + " moving on in this plan");
        }
        reasons.addAll(alone.reasons());
        MatchResult.Approval approval = MatchResult.Approval.of(child, to);
        return new Change(
                child.getId(),
                unitIds,
                kind,
                from == null ? null : from.getId(),
                from == null ? null : from.getType(),
                to.getId(),
                to.getType(),
                ScoreText.format(gain),
                alone.feasible(),
                alone.scoreDifference(),
                approval,
                BigDecimal.valueOf(costChange).setScale(2, RoundingMode.HALF_UP).doubleValue(),
                alone.dependsOn().isEmpty() ? null : alone.dependsOn(),
                reasons);
    }

    private static String money(double pounds) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(pounds);
    }
}
