package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;

/**
 * What a change did to a register: the providers and children added, changed (with the fields that
 * changed), only moved in the list, and removed, and whether the register's own fields changed. Worked
 * out by id in one pass over each list; what is written and audited, and what a change answers, is this.
 *
 * @param fieldsChanged whether the problem's own fields (name, referenceDate, weights ...) changed, or the
 *        register is new
 */
public record RegisterDiff(Records<ProviderInput> providers, Records<ChildInput> children, boolean fieldsChanged) {

    /** A record and its place in the register's list. */
    public record Indexed<T>(int order, T value) {}

    /** A record whose content changed: as it was, as it is, and the names of its JSON fields that differ. */
    public record Changed<T>(int order, T before, T after, List<String> fields) {}

    /**
     * One list's differences.
     *
     * @param added new records, in list order
     * @param changed records whose content changed, in list order
     * @param moved records unchanged but at another place in the list, in list order
     * @param removed records no longer there, by id
     */
    public record Records<T>(
            List<Indexed<T>> added, List<Changed<T>> changed, List<Indexed<T>> moved, List<T> removed) {

        /** Every record whose stored row must be rewritten (changed or moved), in list order. */
        public List<Indexed<T>> rewritten() {
            List<Indexed<T>> rows = new ArrayList<>(changed.size() + moved.size());
            changed.forEach(c -> rows.add(new Indexed<>(c.order(), c.after())));
            rows.addAll(moved);
            rows.sort(Comparator.comparingInt(Indexed::order));
            return rows;
        }

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && moved.isEmpty() && removed.isEmpty();
        }
    }

    /** The difference from {@code before} (null for a register not there yet) to {@code after}. */
    public static RegisterDiff between(PlacementProblem before, PlacementProblem after) {
        return new RegisterDiff(
                records(before == null ? List.of() : before.providers(), after.providers(), ProviderInput::id),
                records(before == null ? List.of() : before.children(), after.children(), ChildInput::id),
                before == null || !RegisterStore.headerOf(before).equals(RegisterStore.headerOf(after)));
    }

    static <T> Records<T> records(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, Indexed<T>> old = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            old.put(id.apply(before.get(i)), new Indexed<>(i, before.get(i)));
        }
        List<Indexed<T>> added = new ArrayList<>();
        List<Changed<T>> changed = new ArrayList<>();
        List<Indexed<T>> moved = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            T now = after.get(i);
            Indexed<T> was = old.remove(id.apply(now));
            if (was == null) {
                added.add(new Indexed<>(i, now));
            } else if (!was.value().equals(now)) {
                changed.add(new Changed<>(i, was.value(), now, changedFields(was.value(), now)));
            } else if (was.order() != i) {
                moved.add(new Indexed<>(i, now));
            }
        }
        List<T> removed = old.values().stream()
                .map(Indexed::value)
                .sorted(Comparator.comparing(id))
                .toList();
        return new Records<>(added, changed, moved, removed);
    }

    /** The names of the fields whose JSON differs, in alphabetical order. */
    static List<String> changedFields(Object before, Object after) {
        JsonNode oldTree = ContractJson.mapper().valueToTree(before);
        JsonNode newTree = ContractJson.mapper().valueToTree(after);
        TreeSet<String> fields = new TreeSet<>();
        oldTree.fieldNames().forEachRemaining(fields::add);
        newTree.fieldNames().forEachRemaining(fields::add);
        fields.removeIf(field -> Objects.equals(oldTree.get(field), newTree.get(field)));
        return List.copyOf(fields);
    }
}
