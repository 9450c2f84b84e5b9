package org.placementmatcher.matching;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.matching.Caseload.Site;
import org.placementmatcher.matching.MatchResult.Exclusion;
import org.placementmatcher.matching.MatchResult.Option;
import org.placementmatcher.solver.ScoreText;

/**
 * Match proposals and same-day emergency queries. Everyone else stays where they are today; the
 * named children, with the rest of their placeTogether sibling group (which travels together), are tried at every
 * provider.
 * The score difference of each option is worked out locally, from the shared rule definitions, as
 * what the children contribute at the option minus what they contribute where they are today:
 * only the children at those two providers and the children's own sibling group can change.
 * {@link MatchQuery} works out those contributions and {@link MatchExplainer} puts each option and exclusion
 * into words; this class checks the children named and ranks the options.
 */
public final class MatchService {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    private MatchService() {}

    /**
     * @param emergency treat the children as same-day emergencies (EMERGENCY, needed today), so only
     *        emergency-approved providers with a place free today pass the hard rules
     */
    public static MatchResult match(Caseload caseload, List<String> childIds, int limit, boolean emergency) {
        List<Child> named = resolve(caseload, childIds, limit);
        List<Child> asked = emergency
                ? named.stream()
                        .map(c -> c.asEmergency(caseload.today().getReferenceDate()))
                        .toList()
                : named;
        MatchQuery query = new MatchQuery(caseload, named, asked);
        MatchExplainer explainer = new MatchExplainer(query);
        Contribution today = query.contributionToday();
        HardMediumSoftScore scoreToday = caseload.score().add(query.urgencyChangeToday());

        // Only the best `limit` options are ranked: keep them in a heap whose head is the worst kept.
        PriorityQueue<Feasible> best = new PriorityQueue<>(limit + 1, RANKING.reversed());
        int feasibleCount = 0;
        List<Exclusion> excluded = new ArrayList<>();
        for (Site site : caseload.sites()) {
            Contribution there = query.contributionAt(site);
            if (there.violatesHardRules()) {
                excluded.add(explainer.exclusion(site, there));
            } else {
                feasibleCount++;
                best.add(new Feasible(site.provider(), there, there.score().subtract(today.score())));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Feasible> top = new ArrayList<>(best);
        top.sort(RANKING);
        List<Option> ranked = new ArrayList<>();
        for (Feasible f : top) {
            ranked.add(explainer.option(
                    ranked.size() + 1, f.provider(), f.there(), scoreToday.add(f.difference()), f.difference()));
        }
        return new MatchResult(
                named.stream().map(Child::getId).toList(),
                emergency,
                ScoreText.format(scoreToday),
                feasibleCount,
                ranked,
                excluded);
    }

    private record Feasible(Provider provider, Contribution there, HardMediumSoftScore difference) {}

    /** Best first: the largest score difference, then by provider id. */
    private static final Comparator<Feasible> RANKING = Comparator.comparing(Feasible::difference)
            .reversed()
            .thenComparing(f -> f.provider().getId());

    /**
     * The children the query is for: those named, checked (known, no repeats, all of one placeTogether sibling group
     * or one child on its own), with the rest of their sibling group, which travels with them (contract section 5).
     */
    private static List<Child> resolve(Caseload caseload, List<String> childIds, int limit) {
        List<ProblemError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new ProblemError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (childIds == null || childIds.isEmpty()) {
            errors.add(new ProblemError("$.childIds", "name a child (its placeTogether sibling group comes with it)"));
            throw new InvalidProblemException(errors);
        }
        List<Child> named = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Child> travelling = null;
        for (int i = 0; i < childIds.size(); i++) {
            String id = childIds.get(i);
            Child child = id == null ? null : caseload.child(id);
            if (child == null) {
                errors.add(new ProblemError("$.childIds[" + i + "]", TextRules.unknownChildId(id)));
            } else if (!seen.add(id)) {
                errors.add(new ProblemError("$.childIds[" + i + "]", "child id '" + id + "' is named twice"));
            } else if (travelling == null) {
                travelling = travelsWith(caseload, child);
                named.add(child);
            } else if (!travelling.contains(child)) {
                Child first = named.getFirst();
                errors.add(new ProblemError(
                        "$.childIds[" + i + "]",
                        "child '" + id + "' is not placed with '" + first.getId()
                                + "': name one child, or children of one placeTogether sibling group"));
            } else {
                named.add(child);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        // Those named first, in the order named; then the rest of their group.
        Set<Child> children = new LinkedHashSet<>(named);
        children.addAll(travelling);
        return new ArrayList<>(children);
    }

    /** The children a query naming the child is for: the child and the rest of its placeTogether sibling group. */
    public static Set<Child> travelsWith(Caseload caseload, Child child) {
        Set<Child> unitMembers = new LinkedHashSet<>(caseload.unitOf(child).getMembers());
        if (child.getSiblingGroup() != null && child.isPlaceTogether()) {
            unitMembers.addAll(caseload.siblingGroup(child.getSiblingGroup()));
        }
        return unitMembers;
    }
}
