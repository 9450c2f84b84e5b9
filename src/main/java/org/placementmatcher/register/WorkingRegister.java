package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.register.RegisterChange.Kind;

/**
 * The register as JSON while a change is worked out on it, with its records found by id through an index
 * rather than a scan of the list: a change of many records (a CSV import) stays linear in their number.
 */
final class WorkingRegister {

    private final String authority;
    private final Register current;
    private final ObjectNode tree;
    private final ChildScope scope;
    /** Providers taken out by {@link #clear}, by id: their links to children the user does not see. */
    private final Map<String, JsonNode> cleared = new HashMap<>();

    private final Map<Kind, Map<String, Integer>> positions = new EnumMap<>(Kind.class);

    /**
     * @param current the register as it stands (null when it is being created)
     * @param tree a copy of it, to change
     * @param scope the children the change's user sees: any other child is, to the change, not there
     */
    WorkingRegister(String authority, Register current, ObjectNode tree, ChildScope scope) {
        this.authority = authority;
        this.current = current;
        this.tree = tree;
        this.scope = scope;
    }

    /** Whether the record is a child of an authority the change's user does not hold (contract section 8). */
    boolean hidden(Kind kind, JsonNode record) {
        return kind == Kind.CHILD
                && !scope.sees(record.path("responsibleAuthority").asText(null), authority);
    }

    /** Whether the register holds a child with the id that the change's user does not see. */
    boolean hidden(Kind kind, String id) {
        Integer position = positions(kind).get(id);
        return position != null && hidden(kind, list(kind).get(position));
    }

    String authority() {
        return authority;
    }

    Register current() {
        return current;
    }

    ObjectNode tree() {
        return tree;
    }

    /** The record with the id, or null (also for a child the change's user does not see). */
    ObjectNode find(Kind kind, String id) {
        Integer position = positions(kind).get(id);
        if (position == null || hidden(kind, list(kind).get(position))) {
            return null;
        }
        return (ObjectNode) list(kind).get(position);
    }

    /** The record with the id; 404 when there is none. */
    ObjectNode require(Kind kind, String id) {
        ObjectNode record = find(kind, id);
        if (record == null) {
            throw notFound(kind, id);
        }
        return record;
    }

    RegisterErrors.NotFound notFound(Kind kind, String id) {
        return new RegisterErrors.NotFound("no " + kind.noun + " " + id + " in the register of " + authority);
    }

    /** Adds the record, or replaces the one with its id in its place; answers whether it was added. */
    boolean put(Kind kind, ObjectNode record) {
        JsonNode id = record.path("id");
        Map<String, Integer> index = positions(kind);
        Integer position = id.isTextual() ? index.get(id.textValue()) : null;
        ArrayNode list = list(kind);
        if (position != null) {
            list.set(position, keepingHiddenLinks(kind, list.get(position), record));
            return false;
        }
        if (id.isTextual()) {
            index.put(id.textValue(), list.size());
            JsonNode before = cleared.remove(id.textValue());
            if (before != null) {
                record = keepingHiddenLinks(kind, before, record);
            }
        }
        list.add(record);
        return true;
    }

    void replace(Kind kind, String id, ObjectNode record) {
        Integer position = positions(kind).get(id);
        if (position == null || hidden(kind, list(kind).get(position))) {
            throw notFound(kind, id);
        }
        list(kind).set(position, keepingHiddenLinks(kind, list(kind).get(position), record));
    }

    /**
     * A provider as the change's user wrote it, still connected to the children the user does not see that it was
     * connected to: the user never saw those links ({@link ChildScope#of}), so its change does not drop them.
     */
    private ObjectNode keepingHiddenLinks(Kind kind, JsonNode before, ObjectNode record) {
        if (kind != Kind.PROVIDER || scope.isAll() || !(before.get("connectedChildren") instanceof ArrayNode linked)) {
            return record;
        }
        ArrayNode connected = record.get("connectedChildren") instanceof ArrayNode given
                ? given
                : record.putArray("connectedChildren");
        Set<String> named = new HashSet<>();
        connected.forEach(id -> named.add(id.asText()));
        for (JsonNode id : linked) {
            if (hidden(Kind.CHILD, id.asText()) && named.add(id.asText())) {
                connected.add(id.asText());
            }
        }
        return record;
    }

    void remove(Kind kind, String id) {
        Integer position = positions(kind).get(id);
        if (position == null || hidden(kind, list(kind).get(position))) {
            throw notFound(kind, id);
        }
        list(kind).remove((int) position);
        positions.remove(kind);
    }

    /** The records of the list, in order, to read or change in place. */
    List<ObjectNode> records(Kind kind) {
        List<ObjectNode> records = new java.util.ArrayList<>();
        list(kind).forEach(record -> records.add((ObjectNode) record));
        return records;
    }

    /**
     * Empties the list of every record the change's user sees (other authorities' children stay). A provider cleared
     * this way keeps its links to children the user does not see for when a record with its id is put back (a
     * replacing import of the providers the user exported, which never showed those links).
     */
    void clear(Kind kind) {
        ArrayNode list = list(kind);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!hidden(kind, list.get(i))) {
                if (kind == Kind.PROVIDER && list.get(i).path("id").isTextual()) {
                    cleared.put(list.get(i).path("id").textValue(), list.get(i));
                }
                list.remove(i);
            }
        }
        positions.remove(kind);
    }

    private ArrayNode list(Kind kind) {
        JsonNode list = tree.get(kind.list);
        return list instanceof ArrayNode array ? array : tree.putArray(kind.list);
    }

    /** Each id's place in the list (the first, should an id be there twice), built once per list. */
    private Map<String, Integer> positions(Kind kind) {
        return positions.computeIfAbsent(kind, k -> {
            Map<String, Integer> index = new HashMap<>();
            ArrayNode list = list(k);
            for (int i = 0; i < list.size(); i++) {
                JsonNode id = list.get(i).path("id");
                if (id.isTextual()) {
                    index.putIfAbsent(id.textValue(), i);
                }
            }
            return index;
        });
    }
}
