package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.contract.ContractJson;

/**
 * What an audit entry's detail says about a record (contract section 6: the fields that changed and their new
 * values, not whole records). Beside the context of the change (via, registerVersion, reason, ...):
 * <ul>
 *   <li>a record added: {@value #FIELDS}, the fields it was given;
 *   <li>a record changed (placements starting, moving and ending included): {@value #FIELDS}, each field that
 *       changed with its new value, {@code null} for a field removed;
 *   <li>a record removed: nothing more (the entry's childId or providerId names it).
 * </ul>
 * Entries written before this rule held the whole record ({@code record}, and {@code changedFields} naming
 * what changed); {@link #fromWholeRecord} rewrites them the same way (db.migration.V5__Audit_changed_fields).
 */
public final class AuditDetails {

    static final String FIELDS = "fields";

    private AuditDetails() {}

    /** The changed fields with their values in the record as it now is; null for a field no longer there. */
    static ObjectNode changedValues(List<String> names, JsonNode after) {
        ObjectNode fields = ContractJson.mapper().createObjectNode();
        for (String name : names) {
            JsonNode value = after == null ? null : after.get(name);
            fields.set(name, value == null ? fields.nullNode() : value.deepCopy());
        }
        return fields;
    }

    /**
     * An old-style detail rewritten: {@code changedFields} + {@code record} become the changed fields with their
     * new values, an added record's {@code record} becomes its fields, a removed record's goes. Anything without
     * a {@code record} (new-style entries, run and decision entries) is answered unchanged, so it can run twice.
     */
    public static JsonNode fromWholeRecord(String action, JsonNode detail) {
        if (!(detail instanceof ObjectNode old) || !old.has("record")) {
            return detail;
        }
        ObjectNode rewritten = old.deepCopy();
        JsonNode record = rewritten.remove("record");
        JsonNode changedFields = rewritten.remove("changedFields");
        if (changedFields != null && changedFields.isArray()) {
            List<String> names = new ArrayList<>();
            changedFields.forEach(name -> names.add(name.asText()));
            rewritten.set(FIELDS, changedValues(names, record));
        } else if (action.endsWith("_ADDED")) {
            rewritten.set(FIELDS, record);
        }
        return rewritten;
    }
}
