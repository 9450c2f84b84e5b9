package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RegisterDiff.Changed;
import org.placementmatcher.register.RegisterDiff.Indexed;
import org.placementmatcher.register.RegisterService.Via;

/** Writes a change as the difference to what is stored, with an audit entry per record it added, changed or removed. */
final class RegisterWriter {

    private RegisterWriter() {}

    static void write(Connection c, Register after, RegisterDiff diff, Via via) throws SQLException {
        String authority = after.authority();
        PlacementProblem problem = after.problem();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("via", via.via());
        context.put("registerVersion", after.version());
        context.putAll(via.context());
        ObjectNode contextTree = ContractJson.mapper().valueToTree(context);
        // Each record is made JSON once, for its row and for its audit entry alike.
        Map<Object, String> jsonOf = new IdentityHashMap<>();
        Function<Object, String> json = record -> jsonOf.computeIfAbsent(record, RegisterStore::json);
        List<NewEntry> audit = new ArrayList<>();
        if (diff.fieldsChanged() || via.wholeRegister()) {
            Map<String, Object> summary = new LinkedHashMap<>(context);
            summary.put("providers", problem.providers().size());
            summary.put("children", problem.children().size());
            summary.put("referenceDate", problem.referenceDate());
            audit.add(entry(
                    via,
                    Action.REGISTER_REPLACED,
                    null,
                    null,
                    null,
                    ContractJson.mapper().valueToTree(summary)));
        }
        // In list order, as the register reads: additions and changes of providers, their removals, then children's.
        List<Indexed<NewEntry>> providers = new ArrayList<>();
        for (Indexed<ProviderInput> added : diff.providers().added()) {
            providers.add(new Indexed<>(
                    added.order(),
                    entry(
                            via,
                            Action.PROVIDER_ADDED,
                            null,
                            added.value().id(),
                            null,
                            detail(contextTree, json, null, added.value()))));
        }
        for (Changed<ProviderInput> changed : diff.providers().changed()) {
            providers.add(new Indexed<>(
                    changed.order(),
                    entry(
                            via,
                            Action.PROVIDER_CHANGED,
                            null,
                            changed.after().id(),
                            null,
                            detail(contextTree, json, changed, null))));
        }
        addInOrder(audit, providers);
        for (ProviderInput removed : diff.providers().removed()) {
            audit.add(entry(
                    via, Action.PROVIDER_REMOVED, null, removed.id(), null, detail(contextTree, json, null, null)));
        }
        List<Indexed<NewEntry>> children = new ArrayList<>();
        for (Indexed<ChildInput> added : diff.children().added()) {
            ChildInput child = added.value();
            children.add(new Indexed<>(
                    added.order(),
                    entry(
                            via,
                            Action.CHILD_ADDED,
                            child.id(),
                            child.currentPlacement(),
                            null,
                            detail(contextTree, json, null, child))));
        }
        for (Changed<ChildInput> changed : diff.children().changed()) {
            children.add(new Indexed<>(
                    changed.order(), childChange(via, changed, detail(contextTree, json, changed, null))));
        }
        addInOrder(audit, children);
        for (ChildInput removed : diff.children().removed()) {
            audit.add(entry(
                    via,
                    Action.CHILD_REMOVED,
                    removed.id(),
                    removed.currentPlacement(),
                    null,
                    detail(contextTree, json, null, null)));
        }

        // Providers first (new ones must exist before children are placed there), removed ones last.
        RegisterStore.insertProviders(c, authority, diff.providers().added(), json);
        RegisterStore.updateProviders(c, authority, diff.providers().rewritten(), json);
        RegisterStore.deleteChildren(
                c,
                authority,
                diff.children().removed().stream().map(ChildInput::id).toList());
        RegisterStore.updateChildren(c, authority, diff.children().rewritten(), json);
        RegisterStore.insertChildren(c, authority, diff.children().added(), json);
        RegisterStore.deleteProviders(
                c,
                authority,
                diff.providers().removed().stream().map(ProviderInput::id).toList());
        RegisterStore.updateHeader(c, authority, problem, after.version());
        AuditLog.append(c, authority, audit);
    }

    private static void addInOrder(List<NewEntry> audit, List<Indexed<NewEntry>> entries) {
        entries.sort(Comparator.comparingInt(Indexed::order));
        entries.forEach(e -> audit.add(e.value()));
    }

    private static NewEntry entry(
            Via via, Action action, String childId, String providerId, String otherProviderId, JsonNode detail) {
        return new NewEntry(action, via.actor(), childId, providerId, otherProviderId, via.runId(), detail);
    }

    /** A child's record changed: a placement starting, moving or ending, or another change to the record. */
    private static NewEntry childChange(Via via, Changed<ChildInput> changed, JsonNode detail) {
        String from = changed.before().currentPlacement();
        String to = changed.after().currentPlacement();
        String child = changed.after().id();
        if (Objects.equals(from, to)) {
            return entry(via, Action.CHILD_CHANGED, child, null, null, detail);
        }
        if (from == null) {
            return entry(via, Action.PLACEMENT_STARTED, child, to, null, detail);
        }
        if (to == null) {
            return entry(via, Action.PLACEMENT_ENDED, child, from, null, detail);
        }
        return entry(via, Action.PLACEMENT_MOVED, child, to, from, detail);
    }

    /**
     * The entry's detail (see {@link AuditDetails}): the context, and the fields of an added record or the changed
     * fields' new values; a removed record's entry has the context alone.
     */
    private static JsonNode detail(
            ObjectNode context, Function<Object, String> json, Changed<?> changed, Object added) {
        ObjectNode detail = context.deepCopy();
        if (changed != null) {
            JsonNode after = AuditLog.tree(json.apply(changed.after()));
            detail.set(AuditDetails.FIELDS, AuditDetails.changedValues(changed.fields(), after));
        } else if (added != null) {
            detail.putRawValue(AuditDetails.FIELDS, new RawValue(json.apply(added)));
        }
        return detail;
    }
}
