package org.placementmatcher.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.register.RunViews.RunView;
import org.placementmatcher.security.Role;

/**
 * What the review of a finished run shows on one page: the decisions of the page asked for, explained (miles, why
 * not the best single match), today's KPIs against the plan's, and one page of the children left unplaced with
 * why. Only the page shown is explained, so a region run's 1,739 changes cost no more than twenty.
 */
record RunReviewPage(RunReview.Page changes, List<RunReview.KpiRow> kpis, UnplacedPage unplaced) {

    /** One page of the unplaced children's reasons. */
    record UnplacedPage(List<RunExplanations.Unplaced> reasons, int all, int page, int pages) {}

    static RunReviewPage of(
            RunView view, Predicate<Role> holds, RunExplanations explanations, RunPages.Filters filters) {
        List<RunReview.Group> all = RunReview.groups(view, holds);
        List<RunReview.Group> matching = all.stream()
                .filter(group -> (filters.kind() == null || group.kind() == filters.kind())
                        && (filters.approval() == null || group.approval() == filters.approval()))
                .toList();
        PlacementPlan plan = view.plan();
        int pages = Math.max(1, (matching.size() + RunReview.PAGE_SIZE - 1) / RunReview.PAGE_SIZE);
        int page = Math.min(filters.page(), pages);
        List<RunReview.Group> shown = new ArrayList<>();
        for (RunReview.Group group : matching.subList(
                (page - 1) * RunReview.PAGE_SIZE, Math.min(matching.size(), page * RunReview.PAGE_SIZE))) {
            if (plan == null) {
                shown.add(group);
                continue;
            }
            List<RunReview.Move> moves = new ArrayList<>();
            for (RunReview.Move move : group.moves()) {
                Double miles = explanations.miles(view, move.childId(), move.to());
                moves.add(new RunReview.Move(
                        move.childId(), move.from(), move.to(), miles == null ? null : ProviderWords.miles(miles)));
            }
            String why = group.isDecided() ? null : explanations.whyNotBestMatch(view, group.childId());
            shown.add(RunReview.explained(group, moves, why));
        }
        RunReview.Page changes = new RunReview.Page(shown, all.size(), matching.size(), page, pages);
        if (plan == null) {
            return new RunReviewPage(changes, List.of(), null);
        }
        RunExplanations.KpiComparison kpis = explanations.kpis(view);
        List<String> unplacedIds = view.unplaced() == null ? List.of() : view.unplaced();
        int unplacedPages =
                Math.max(1, (unplacedIds.size() + RunReview.UNPLACED_PAGE_SIZE - 1) / RunReview.UNPLACED_PAGE_SIZE);
        int unplacedPage = Math.min(filters.unplacedPage(), unplacedPages);
        List<String> unplacedShown = unplacedIds.subList(
                (unplacedPage - 1) * RunReview.UNPLACED_PAGE_SIZE,
                Math.min(unplacedIds.size(), unplacedPage * RunReview.UNPLACED_PAGE_SIZE));
        UnplacedPage unplaced = new UnplacedPage(
                explanations.whyUnplaced(view, unplacedShown), unplacedIds.size(), unplacedPage, unplacedPages);
        return new RunReviewPage(changes, RunReview.kpiRows(kpis.today(), kpis.plan()), unplaced);
    }
}
