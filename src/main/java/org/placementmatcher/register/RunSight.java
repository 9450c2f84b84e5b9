package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.RunStore.Row;

/**
 * What a user of a shared register sees of a run (contract section 8): the run is of the whole register, but its
 * plan, proposed changes, unplaced children, snapshot, analysis and audit show only the children of the
 * authorities the user holds. Which children those are is read from the run's snapshot (their responsible
 * authority then), or, once the snapshot is deleted under the retention policy, from the register as it stands.
 */
@ApplicationScoped
public class RunSight {

    /** How another authority's child is named in a sentence shown to a user who does not see it. */
    public static final String ANOTHER_CHILD = "a child of another authority";

    private static final int SIGHTS_KEPT = 32;

    private final RegisterService registers;
    private final RegisterSight registerSight;

    /** Which run, seen by which authorities: a run's snapshot is parsed once per attempt for each of these. */
    private record SightKey(String authority, String runId, String scope) {}

    /** What a kept sight was worked out from: a run's snapshot is written with the run and only ever deleted. */
    private record SnapshotVersion(int attempts, Instant createdAt) {
        static SnapshotVersion of(Row row) {
            return new SnapshotVersion(row.attempts(), row.createdAt());
        }
    }

    private record KeptSight(SnapshotVersion version, ChildSight sight) {}

    private final Map<SightKey, KeptSight> sights = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SightKey, KeptSight> eldest) {
            return size() > SIGHTS_KEPT;
        }
    });

    /** Reads the run with its snapshot, only when the sight is not kept. */
    @FunctionalInterface
    interface RowWithSnapshot {
        Row read() throws SQLException;
    }

    public RunSight(RegisterService registers, RegisterSight registerSight) {
        this.registers = registers;
        this.registerSight = registerSight;
    }

    /** A key naming which of the register's children the user of the request sees, for caches of what it sees. */
    public String scopeKey(String authority) {
        return registers.scope(authority).key();
    }

    /** Whether the user of the request sees every child of the register's runs. */
    public boolean seesAll(String authority) {
        return registers.scope(authority).isAll();
    }

    /** The run's children the user of the request sees (the row read with its JSON, for its snapshot). */
    public ChildSight of(String authority, Row row) {
        try {
            return of(authority, row, () -> row);
        } catch (SQLException e) {
            throw new IllegalStateException(e); // never: the row is at hand
        }
    }

    /**
     * The same from the run's summary row (read without its JSON): the run's snapshot is read and parsed only when the
     * sight for this attempt of the run and these authorities is not kept. Once the retention policy deleted the
     * snapshot, the sight comes from the register as it stands, never kept.
     */
    ChildSight of(String authority, Row summary, RowWithSnapshot withSnapshot) throws SQLException {
        ChildScope scope = registers.scope(authority);
        if (scope.isAll()) {
            return ChildSight.EVERY;
        }
        SightKey key = new SightKey(authority, summary.id(), scope.key());
        KeptSight kept = sights.get(key);
        if (summary.dataDeletedAt() == null && kept != null && kept.version().equals(SnapshotVersion.of(summary))) {
            return kept.sight();
        }
        Row row = withSnapshot.read();
        if (row.snapshotJson() == null) {
            sights.remove(key);
            return registerSight.childSight(authority);
        }
        ChildSight sight = sight(scope, row);
        sights.put(key, new KeptSight(SnapshotVersion.of(row), sight));
        return sight;
    }

    private static ChildSight sight(ChildScope scope, Row row) {
        PlacementProblem snapshot = RegisterStore.read(row.snapshotJson(), PlacementProblem.class);
        Set<String> seen = new HashSet<>();
        for (ChildInput child : snapshot.children()) {
            if (scope.sees(child, snapshot.homeAuthority())) {
                seen.add(child.id());
            }
        }
        return new ChildSight(Set.copyOf(seen), scope.authorities());
    }

    static PlacementProblem snapshot(PlacementProblem snapshot, ChildSight sight) {
        if (sight.ids() == null) {
            return snapshot;
        }
        return ChildScope.withChildren(
                snapshot,
                snapshot.children().stream()
                        .filter(child -> sight.sees(child.id()))
                        .toList());
    }

    static PlacementPlan plan(PlacementPlan plan, ChildSight sight) {
        return sight.ids() == null ? plan : plan(plan, sight::sees, sight.authorities());
    }

    /**
     * The plan as a reader of part of a register is shown it, a run's or an analysis job's alike: only the assignments
     * of the children shown and the KPIs of the authorities held; its overall figures stay the whole plan's.
     *
     * @param authorities the authorities the reader holds; null: every authority
     */
    public static PlacementPlan plan(PlacementPlan plan, Predicate<String> shown, Set<String> authorities) {
        return plan(plan, shown, UnaryOperator.identity(), authorities);
    }

    /**
     * The same, each child shown named as {@code named} says (an analysis job names some children by ids of its own).
     */
    public static PlacementPlan plan(
            PlacementPlan plan, Predicate<String> shown, UnaryOperator<String> named, Set<String> authorities) {
        if (plan == null) {
            return null;
        }
        return new PlacementPlan(
                plan.name(),
                plan.score(),
                plan.feasible(),
                plan.assignments().stream()
                        .filter(assignment -> shown.test(assignment.childId()))
                        .map(assignment -> new Assignment(
                                named.apply(assignment.childId()), assignment.providerId(), assignment.moved()))
                        .toList(),
                plan.kpis(),
                kpisByAuthority(plan.kpisByAuthority(), authorities),
                plan.bestBound(),
                plan.gapPercent(),
                plan.mediumGap());
    }

    /** Only the KPIs of the authorities the user holds (the plan's overall KPIs stay the whole register's). */
    static Map<String, Kpis> kpisByAuthority(Map<String, Kpis> byAuthority, Set<String> authorities) {
        if (byAuthority == null || authorities == null) {
            return byAuthority;
        }
        Map<String, Kpis> held = new LinkedHashMap<>();
        byAuthority.forEach((authority, kpis) -> {
            if (authorities.contains(authority)) {
                held.put(authority, kpis);
            }
        });
        return held;
    }

    /** The run's view as the user sees it: its plan, proposed changes and unplaced children, others' left out. */
    static RunViews.RunView view(RunViews.RunView whole, ChildSight sight) {
        if (sight.ids() == null) {
            return whole;
        }
        List<JsonNode> changes = null;
        if (whole.changes() != null) {
            changes = new ArrayList<>();
            for (JsonNode change : whole.changes()) {
                ObjectNode shown = change(((ObjectNode) change).deepCopy(), sight);
                if (shown != null) {
                    changes.add(shown);
                }
            }
        }
        List<String> unplaced = whole.unplaced() == null
                ? null
                : whole.unplaced().stream().filter(sight::sees).toList();
        return new RunViews.RunView(
                whole.id(),
                whole.authority(),
                whole.status(),
                whole.trigger(),
                whole.requestedBy(),
                whole.seconds(),
                whole.registerVersion(),
                whole.referenceDate(),
                whole.attempts(),
                whole.createdAt(),
                whole.startedAt(),
                whole.finishedAt(),
                whole.scoreToday(),
                whole.score(),
                whole.kpis(),
                plan(whole.plan(), sight),
                changes,
                unplaced,
                whole.error(),
                whole.elapsedSeconds(),
                whole.limitSeconds(),
                whole.dataDeletedAt(),
                whole.executedBy());
    }

    /**
     * A proposed change as shown (null: the change is another authority's child's); the other children it names (its
     * sibling group, the children whose places it needs) are named only as {@value #ANOTHER_CHILD}.
     */
    static ObjectNode change(ObjectNode change, ChildSight sight) {
        if (sight.ids() == null) {
            return change;
        }
        if (!sight.sees(change.path("childId").asText(null))) {
            return null;
        }
        Set<String> unseen = new HashSet<>();
        for (String list : List.of("unitChildIds", "dependsOn")) {
            if (change.get(list) instanceof ArrayNode ids) {
                ArrayNode kept = ids.arrayNode();
                ids.forEach(id -> {
                    if (sight.sees(id.asText())) {
                        kept.add(id);
                    } else {
                        unseen.add(id.asText());
                    }
                });
                change.set(list, kept);
            }
        }
        if (!unseen.isEmpty() && change.get("reasons") instanceof ArrayNode reasons) {
            ArrayNode said = reasons.arrayNode();
            reasons.forEach(reason -> said.add(unnamed(reason.asText(), unseen)));
            change.set("reasons", said);
        }
        return change;
    }

    /** The sentence with each of the ids replaced by {@value #ANOTHER_CHILD}. */
    public static String unnamed(String sentence, Set<String> ids) {
        return unnamed(sentence, ids, ANOTHER_CHILD);
    }

    /**
     * The sentence with each of the ids, standing alone (quoted or not, not part of a longer id), replaced by
     * {@code as}; a quoted id loses its quotes.
     */
    public static String unnamed(String sentence, Set<String> ids, String as) {
        String said = sentence;
        for (String id : ids) {
            said = said.replaceAll(
                    "(?<![A-Za-z0-9_.-])('?)" + Pattern.quote(id) + "\\1(?![A-Za-z0-9_-])",
                    Matcher.quoteReplacement(as));
        }
        return said;
    }

    /** The analysis without the matches naming children the user does not see (the totals stay the register's). */
    static JsonNode analysis(JsonNode analysis, ChildSight sight) {
        if (sight.ids() == null || analysis == null) {
            return analysis;
        }
        JsonNode shown = analysis.deepCopy();
        for (JsonNode constraint : shown.path("constraints")) {
            if (constraint.get("matches") instanceof ArrayNode matches) {
                for (int i = matches.size() - 1; i >= 0; i--) {
                    for (JsonNode id : matches.get(i).path("childIds")) {
                        if (!sight.sees(id.asText())) {
                            matches.remove(i);
                            break;
                        }
                    }
                }
            }
        }
        return shown;
    }
}
