package org.placementmatcher.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RunSight;
import org.placementmatcher.register.RunViews;
import org.placementmatcher.register.RunViews.RunView;
import org.placementmatcher.solver.PlanWriter;

/**
 * What a finished run's page explains beyond what the run stores: today's KPIs beside the plan's, why a child the
 * plan leaves unplaced stays so, and why the plan puts a child somewhere other than its best single match (the
 * place it would take, from whom). Worked out with the match service on the run's snapshot (the same rule
 * definitions as the solver), one placement unit at a time and only for the units a page shows. A finished run's
 * snapshot and plan never change (a restart would make a new attempt), so for the last few runs looked at the loaded
 * caseload, today's KPIs and every explanation once worked out are kept: a page seen before costs no match again.
 * No explanation depends on the decisions taken, which the page reads afresh.
 *
 * <p>In a shared register (contract section 8) the work is done on the whole run: every child of the register holds
 * its place, so a place another authority's child holds is never called free. What is kept is the whole run's, shared
 * by every user; what a user is told names only the children it sees, any other as {@value RunSight#ANOTHER_CHILD}.
 */
@ApplicationScoped
public class RunExplanations {

    private static final int RUNS_KEPT = 4;
    private static final int OPTIONS_NAMED = 3;

    /** Why one placement unit the plan leaves unplaced stays so, in words. */
    public record Unplaced(List<String> childIds, String summary, List<String> details) {
        /** The first child's id, naming the unit on the page. */
        public String key() {
            return childIds.getFirst();
        }
    }

    /** Today's figures and the plan's, side by side. */
    public record KpiComparison(Kpis today, Kpis plan) {}

    private final RunViews views;
    private final RegisterService registers;
    private final Map<String, Loaded> loaded = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            return size() > RUNS_KEPT;
        }
    });

    public RunExplanations(RunViews views, RegisterService registers) {
        this.views = views;
        this.registers = registers;
    }

    /** An explanation of the whole run and the children it names, to unname those a user does not see. */
    private record Said(String text, List<String> named) {}

    /** Why one unit stays unplaced, in the whole run, and the children it names. */
    private record WholeUnplaced(Unplaced reason, List<String> named) {}

    /**
     * One finished run's snapshot as a caseload, where its plan puts each child, today's KPIs, and the explanations
     * worked out so far (why not the best match by child, why unplaced by the unit's first child).
     */
    private record Loaded(
            int attempt,
            Caseload caseload,
            Map<String, Provider> providers,
            Map<String, String> planned,
            Map<String, List<String>> plannedAt,
            Kpis today,
            Map<String, String> authorityOf,
            Map<String, Optional<Said>> whyNotBest,
            Map<String, WholeUnplaced> whyUnplaced) {}

    private Loaded load(RunView view) {
        // The whole run, whoever asks (contract section 8): what one user is told is filtered on the way out.
        String key = view.authority() + "/" + view.id();
        Loaded found = loaded.get(key);
        if (found != null && found.attempt() == view.attempts()) {
            return found;
        }
        RunViews.WholeRun whole = views.wholeRun(view.authority(), view.id());
        PlacementPlan plan = whole.plan();
        Caseload caseload = Caseload.of(whole.snapshot());
        Map<String, String> planned = new LinkedHashMap<>();
        Map<String, List<String>> plannedAt = new LinkedHashMap<>();
        for (Assignment assignment : plan.assignments()) {
            planned.put(assignment.childId(), assignment.providerId());
            if (assignment.providerId() != null) {
                plannedAt
                        .computeIfAbsent(assignment.providerId(), p -> new ArrayList<>())
                        .add(assignment.childId());
            }
        }
        Map<String, Provider> providers = new HashMap<>();
        caseload.providers().forEach(p -> providers.put(p.getId(), p));
        Map<String, String> authorityOf = new HashMap<>();
        String home = whole.snapshot().homeAuthority();
        whole.snapshot()
                .children()
                .forEach(child -> authorityOf.put(
                        child.id(), child.responsibleAuthority() == null ? home : child.responsibleAuthority()));
        Loaded made = new Loaded(
                view.attempts(),
                caseload,
                providers,
                planned,
                plannedAt,
                PlanWriter.toPlan(caseload.today()).kpis(),
                authorityOf,
                new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
        loaded.put(key, made);
        return made;
    }

    /** Miles from the child's school (else home) to the provider, or null when either is unknown to the run. */
    public Double miles(RunView view, String childId, String providerId) {
        Loaded run = load(view);
        Child child = run.caseload().child(childId);
        Provider provider = providerId == null ? null : run.providers().get(providerId);
        return child == null || provider == null ? null : child.milesTo(provider);
    }

    public KpiComparison kpis(RunView view) {
        return new KpiComparison(load(view).today(), view.plan().kpis());
    }

    /**
     * Why the plan does not put the unit at its best single match (the best option for it alone, everyone else where
     * they are today), or null when it does or nothing better is known.
     */
    public String whyNotBestMatch(RunView view, String childId) {
        Loaded run = load(view);
        return run.whyNotBest()
                .computeIfAbsent(childId, id -> Optional.ofNullable(whyNotBestMatch(run, id)))
                .map(said -> told(run, view, said.text(), said.named()))
                .orElse(null);
    }

    /** The sentence as the user of the request is told it: the named children it does not see unnamed. */
    private String told(Loaded run, RunView view, String sentence, List<String> named) {
        Set<String> unseen = unseen(run, view, named);
        return unseen.isEmpty() ? sentence : RunSight.unnamed(sentence, unseen);
    }

    private Set<String> unseen(Loaded run, RunView view, List<String> ids) {
        ChildScope scope = registers.scope(view.authority());
        Set<String> unseen = new LinkedHashSet<>();
        if (!scope.isAll()) {
            for (String id : ids) {
                if (!scope.sees(run.authorityOf().get(id), view.authority())) {
                    unseen.add(id);
                }
            }
        }
        return unseen;
    }

    private static Said whyNotBestMatch(Loaded run, String childId) {
        List<String> unit = unitOf(run.caseload(), childId);
        String plannedProvider = run.planned().get(childId);
        MatchResult best = match(run.caseload(), unit, 1);
        if (best == null || best.options().isEmpty()) {
            return best == null
                    ? null
                    : new Said(
                            "No placement could take " + words(unit)
                                    + " alone today; this plan makes room by moving others.",
                            unit);
        }
        MatchResult.Option top = best.options().getFirst();
        if (top.providerId().equals(plannedProvider)) {
            return null;
        }
        List<String> holders = new ArrayList<>(run.plannedAt().getOrDefault(top.providerId(), List.of()));
        holders.removeAll(unit);
        String bestPlace = "Their best single match is " + top.providerId() + " ("
                + ProviderWords.type(top.providerType()) + ", " + ProviderWords.miles(top.distanceMiles()) + ")";
        if (holders.isEmpty()) {
            return new Said(
                    bestPlace + ", which this plan leaves free: the plan as a whole (every child's placement, cost"
                            + " and distance) comes out better with " + plannedProvider + ".",
                    unit);
        }
        List<String> named = new ArrayList<>(unit);
        named.addAll(holders);
        return new Said(
                bestPlace + "; in this plan that place goes to " + words(holders)
                        + ", and taking it would leave the plan worse overall.",
                named);
    }

    /** Why each of these unplaced children stays unplaced, one entry per placement unit. */
    public List<Unplaced> whyUnplaced(RunView view, List<String> childIds) {
        Loaded run = load(view);
        List<Unplaced> reasons = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String childId : childIds) {
            if (done.contains(childId) || run.caseload().child(childId) == null) {
                continue;
            }
            List<String> unit = unitOf(run.caseload(), childId);
            done.addAll(unit);
            Unplaced told =
                    told(run, view, run.whyUnplaced().computeIfAbsent(unit.getFirst(), first -> unplaced(run, unit)));
            if (told != null) {
                reasons.add(told);
            }
        }
        return reasons;
    }

    /**
     * The whole run's reason as the user of the request is told it: only the children it sees named (null: the unit
     * has none of them).
     */
    private Unplaced told(Loaded run, RunView view, WholeUnplaced whole) {
        Set<String> unseen = unseen(run, view, whole.named());
        Unplaced reason = whole.reason();
        if (unseen.isEmpty()) {
            return reason;
        }
        List<String> seenUnit =
                reason.childIds().stream().filter(id -> !unseen.contains(id)).toList();
        return seenUnit.isEmpty()
                ? null
                : new Unplaced(
                        seenUnit,
                        RunSight.unnamed(reason.summary(), unseen),
                        reason.details().stream()
                                .map(detail -> RunSight.unnamed(detail, unseen))
                                .toList());
    }

    private static WholeUnplaced unplaced(Loaded run, List<String> unit) {
        MatchResult result = match(run.caseload(), unit, OPTIONS_NAMED);
        if (result == null) {
            return new WholeUnplaced(new Unplaced(unit, "The reason could not be worked out.", List.of()), unit);
        }
        List<String> named = new ArrayList<>(unit);
        List<String> details = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        for (MatchResult.Exclusion exclusion : result.excluded()) {
            for (String code : exclusion.codes()) {
                byRule.merge(code, 1, Integer::sum);
            }
        }
        String summary;
        if (result.feasibleCount() == 0) {
            summary = "No placement can take " + words(unit) + ", even with everyone else where they are today.";
        } else {
            summary = result.feasibleCount() + (result.feasibleCount() == 1 ? " placement" : " placements")
                    + " could take " + words(unit) + " alone today, but this plan gives the places to others.";
            for (MatchResult.Option option : result.options()) {
                List<String> holders = run.plannedAt().getOrDefault(option.providerId(), List.of());
                named.addAll(holders);
                details.add(option.providerId() + " (" + ProviderWords.type(option.providerType()) + ", "
                        + ProviderWords.miles(option.distanceMiles()) + "): "
                        + (holders.isEmpty() ? "free in this plan" : "taken in this plan by " + words(holders)));
            }
        }
        byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> details.add(RuleWords.exclusion(HardRule.valueOf(e.getKey())) + ": " + e.getValue()
                        + (e.getValue() == 1 ? " placement" : " placements")));
        return new WholeUnplaced(new Unplaced(unit, summary, details), named);
    }

    /** The children decided together with this one: its placement unit, or its whole placeTogether group. */
    private static List<String> unitOf(Caseload caseload, String childId) {
        Child child = caseload.child(childId);
        if (child == null) {
            return List.of(childId);
        }
        return MatchService.travelsWith(caseload, child).stream()
                .map(Child::getId)
                .toList();
    }

    private static MatchResult match(Caseload caseload, List<String> unit, int limit) {
        try {
            return MatchService.match(caseload, unit, limit, false);
        } catch (InvalidProblemException e) {
            return null;
        }
    }

    private static String words(List<String> ids) {
        if (ids.size() == 1) {
            return ids.getFirst();
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
    }
}
