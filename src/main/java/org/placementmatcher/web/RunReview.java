package org.placementmatcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.matching.MatchResult.Approval;
import org.placementmatcher.register.ProposedChanges.Kind;
import org.placementmatcher.register.RunViews.RunView;
import org.placementmatcher.security.ApprovalPolicy;
import org.placementmatcher.security.Role;

/**
 * A finished run's proposed changes as the review page shows them: one decision per placement unit (a sibling
 * group placed together is one), filtered by kind and approval, sorted by weekly saving (largest first), a page
 * at a time; with what the signed-in user (the roles it holds) may decide, and why not where they may not.
 */
public final class RunReview {

    public static final int PAGE_SIZE = 20;
    public static final int UNPLACED_PAGE_SIZE = 20;
    private static final double WEEKS_A_YEAR = 52;

    /** One child's part of a decision: from where to where, and how far from school or home. */
    public record Move(String childId, String from, String to, String miles) {}

    /** One decision: the children of one placement unit and what the plan proposes for them. */
    public record Group(
            String childId,
            List<String> childIds,
            Kind kind,
            String kindWords,
            List<Move> moves,
            double weeklyCostChange,
            String weeklyCostWords,
            Approval approval,
            String approvalWords,
            List<String> reasons,
            String whyNotBestMatch,
            String decision,
            String decidedBy,
            String decisionReason,
            boolean mayAccept,
            String acceptRefused,
            boolean mayReject,
            String rejectRefused,
            String scoreGain) {

        public boolean isDecided() {
            return decision != null;
        }
    }

    /** Today's figure and the plan's for one KPI. */
    public record KpiRow(String label, String today, String proposed) {}

    /** The page of decisions shown, and how many there are in all and after filtering. */
    public record Page(List<Group> groups, int all, int matching, int page, int pages) {}

    private RunReview() {}

    /** Every decision of the run, sorted by weekly saving; not yet explained beyond what is stored. */
    public static List<Group> groups(RunView run, Predicate<Role> holds) {
        Map<String, List<JsonNode>> units = new LinkedHashMap<>();
        for (JsonNode change : run.changes()) {
            JsonNode unit = change.path("unitChildIds");
            String key = unit.isArray() && !unit.isEmpty()
                    ? unit.get(0).asText()
                    : change.path("childId").asText();
            units.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        List<Group> groups = new ArrayList<>();
        for (List<JsonNode> unit : units.values()) {
            groups.add(group(unit, holds));
        }
        groups.sort(Comparator.comparingDouble(Group::weeklyCostChange).thenComparing(Group::childId));
        return groups;
    }

    private static Group group(List<JsonNode> unit, Predicate<Role> holds) {
        JsonNode first = unit.getFirst();
        List<String> childIds = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        double costChange = 0;
        Approval approval = Approval.NONE;
        for (JsonNode change : unit) {
            String childId = change.path("childId").asText();
            childIds.add(childId);
            moves.add(new Move(childId, text(change, "fromProviderId"), text(change, "toProviderId"), null));
            costChange += change.path("weeklyCostChange").asDouble(0);
            change.path("reasons").forEach(r -> reasons.add(r.asText()));
            // A change stored without its approval (its explanation deleted) needs the most, as RunDecisions says.
            Approval own = change.hasNonNull("approval")
                    ? Approval.valueOf(change.get("approval").asText())
                    : Approval.DIRECTOR;
            if (own.compareTo(approval) > 0) {
                approval = own;
            }
        }
        Kind kind = Kind.valueOf(first.path("kind").asText());
        JsonNode decision = first.path("decision");
        Role toAccept = ApprovalPolicy.needed(true, List.of(approval));
        boolean mayAccept = holds.test(toAccept);
        boolean mayReject = holds.test(ApprovalPolicy.needed(false, List.of()));
        return new Group(
                childIds.getFirst(),
                childIds,
                kind,
                kindWords(kind),
                moves,
                costChange,
                ProviderWords.poundsChange(costChange) + " a week",
                approval,
                approvalWords(approval),
                List.copyOf(reasons),
                null,
                decision.isMissingNode() ? null : decision.path("decision").asText(),
                decision.isMissingNode() ? null : decision.path("decidedBy").asText(),
                decision.isMissingNode() ? null : decision.path("reason").asText(),
                mayAccept,
                mayAccept ? null : acceptRefused(approval),
                mayReject,
                mayReject ? null : "Rejecting a proposed change needs a manager.",
                text(first, "scoreGain"));
    }

    /** The group with the per-child miles and the best-single-match explanation, worked out for the page shown. */
    static Group explained(Group group, List<Move> moves, String whyNotBestMatch) {
        return new Group(
                group.childId(),
                group.childIds(),
                group.kind(),
                group.kindWords(),
                moves,
                group.weeklyCostChange(),
                group.weeklyCostWords(),
                group.approval(),
                group.approvalWords(),
                group.reasons(),
                whyNotBestMatch,
                group.decision(),
                group.decidedBy(),
                group.decisionReason(),
                group.mayAccept(),
                group.acceptRefused(),
                group.mayReject(),
                group.rejectRefused(),
                group.scoreGain());
    }

    static String acceptRefused(Approval approval) {
        return switch (approval) {
            case NONE -> "Needs a manager: accepting a proposed change is a manager's decision.";
            case NOMINATED_OFFICER ->
                "Needs a nominated officer: this placement is out of area in an adjoining authority.";
            case DIRECTOR -> "Needs the director: this placement is out of area, beyond the adjoining authorities.";
        };
    }

    static String approvalWords(Approval approval) {
        return switch (approval) {
            case NONE -> "Manager (in area)";
            case NOMINATED_OFFICER -> "Nominated officer (out of area, adjoining)";
            case DIRECTOR -> "Director (out of area, not adjoining)";
        };
    }

    static String kindWords(Kind kind) {
        return switch (kind) {
            case NEW_PLACEMENT -> "New placement";
            case MOVE -> "Move";
            case STEP_DOWN -> "Step-down to a family";
        };
    }

    /** Today's KPIs beside the plan's, in words. */
    public static List<KpiRow> kpiRows(Kpis today, Kpis plan) {
        List<KpiRow> rows = new ArrayList<>();
        rows.add(new KpiRow("Placed out of area", percent(today.outOfAreaPercent()), percent(plan.outOfAreaPercent())));
        rows.add(new KpiRow(
                "Placed over 20 miles away", percent(today.over20MilesPercent()), percent(plan.over20MilesPercent())));
        rows.add(new KpiRow(
                "Sibling groups split",
                Integer.toString(today.siblingGroupsSplit()),
                Integer.toString(plan.siblingGroupsSplit())));
        rows.add(new KpiRow(
                "Children without a placement", Integer.toString(today.unplaced()), Integer.toString(plan.unplaced())));
        rows.add(new KpiRow(
                "Weekly cost", ProviderWords.pounds(today.weeklyCost()), ProviderWords.pounds(plan.weeklyCost())));
        rows.add(new KpiRow(
                "Annual cost (52 weeks)",
                ProviderWords.pounds(today.weeklyCost() * WEEKS_A_YEAR),
                ProviderWords.pounds(plan.weeklyCost() * WEEKS_A_YEAR)));
        rows.add(new KpiRow("Moves", Integer.toString(today.moves()), Integer.toString(plan.moves())));
        return rows;
    }

    private static String percent(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
