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
    private final Map<String, Loaded> loaded = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            return size() > RUNS_KEPT;
        }
    });

    public RunExplanations(RunViews views) {
        this.views = views;
    }

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
            Map<String, Optional<String>> whyNotBest,
            Map<String, Unplaced> whyUnplaced) {}

    private Loaded load(RunView view) {
        // A user of a shared register sees only its authorities' children of a run: what it is explained is worked
        // out on what it sees (contract section 8), and kept apart from what others see.
        String key = view.authority() + "/" + view.id() + "/" + views.scopeKey(view.authority());
        Loaded found = loaded.get(key);
        if (found != null && found.attempt() == view.attempts()) {
            return found;
        }
        PlacementPlan plan = view.plan();
        Caseload caseload = Caseload.of(views.snapshot(view.authority(), view.id()));
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
        Loaded made = new Loaded(
                view.attempts(),
                caseload,
                providers,
                planned,
                plannedAt,
                PlanWriter.toPlan(caseload.today()).kpis(),
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
                .orElse(null);
    }

    private static String whyNotBestMatch(Loaded run, String childId) {
        List<String> unit = unitOf(run.caseload(), childId);
        String plannedProvider = run.planned().get(childId);
        MatchResult best = match(run.caseload(), unit, 1);
        if (best == null || best.options().isEmpty()) {
            return best == null
                    ? null
                    : "No placement could take " + words(unit) + " alone today; this plan makes room by moving others.";
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
            return bestPlace + ", which this plan leaves free: the plan as a whole (every child's placement, cost and"
                    + " distance) comes out better with " + plannedProvider + ".";
        }
        return bestPlace + "; in this plan that place goes to " + words(holders)
                + ", and taking it would leave the plan worse overall.";
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
            reasons.add(run.whyUnplaced().computeIfAbsent(unit.getFirst(), first -> unplaced(run, unit)));
        }
        return reasons;
    }

    private static Unplaced unplaced(Loaded run, List<String> unit) {
        MatchResult result = match(run.caseload(), unit, OPTIONS_NAMED);
        if (result == null) {
            return new Unplaced(unit, "The reason could not be worked out.", List.of());
        }
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
                details.add(option.providerId() + " (" + ProviderWords.type(option.providerType()) + ", "
                        + ProviderWords.miles(option.distanceMiles()) + "): "
                        + (holders.isEmpty() ? "free in this plan" : "taken in this plan by " + words(holders)));
            }
        }
        byRule.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> details.add(RuleWords.exclusion(HardRule.valueOf(e.getKey())) + ": " + e.getValue()
                        + (e.getValue() == 1 ? " placement" : " placements")));
        return new Unplaced(unit, summary, details);
    }

    /** The children decided together with this one: its placement unit, or its whole placeTogether group. */
    private static List<String> unitOf(Caseload caseload, String childId) {
        Child child = caseload.child(childId);
        if (child == null) {
            return List.of(childId);
        }
        Set<Child> members = new LinkedHashSet<>(caseload.unitOf(child).getMembers());
        if (child.getSiblingGroup() != null && child.isPlaceTogether()) {
            members.addAll(caseload.siblingGroup(child.getSiblingGroup()));
        }
        return members.stream().map(Child::getId).toList();
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
