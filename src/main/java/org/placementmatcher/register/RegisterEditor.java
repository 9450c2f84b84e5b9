package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PostcodeResolution;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.register.RegisterChange.AcceptProposal;
import org.placementmatcher.register.RegisterChange.DeleteRecord;
import org.placementmatcher.register.RegisterChange.EndPlacement;
import org.placementmatcher.register.RegisterChange.ImportFile;
import org.placementmatcher.register.RegisterChange.ImportRows;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.Move;
import org.placementmatcher.register.RegisterChange.PatchRecord;
import org.placementmatcher.register.RegisterChange.PutRecord;
import org.placementmatcher.register.RegisterChange.ReplaceRegister;
import org.placementmatcher.register.RegisterChange.StartPlacement;
import org.placementmatcher.register.RegisterService.Via;

/** How each {@link RegisterChange} is worked out on the register, named in the audit log, and refused. */
final class RegisterEditor {

    /** The edit on the register as it stands, and how the change is recorded and refused. */
    @FunctionalInterface
    interface Edit {
        /** Changes the working register's tree and answers it, or answers a new tree. */
        ObjectNode apply(WorkingRegister register);
    }

    /**
     * A change ready to apply.
     *
     * @param create whether a missing register may be created (else 404)
     * @param conflictOnInvalid answer an invalid result with 409 (the request itself was well-formed, the
     *        register's state refuses it) rather than 400
     */
    record Plan(Via via, Edit edit, ErrorNaming naming, boolean create, boolean conflictOnInvalid) {}

    private RegisterEditor() {}

    static Plan plan(String authority, String actor, RegisterChange change) {
        return switch (change) {
            case ReplaceRegister replace -> {
                if (!authority.equals(replace.problem().homeAuthority())) {
                    throw new InvalidProblemException(List.of(new ProblemError(
                            "$.homeAuthority",
                            "must be the authority of the path, '" + authority + "', got '"
                                    + replace.problem().homeAuthority() + "'")));
                }
                ObjectNode replacement = ContractJson.mapper().valueToTree(replace.problem());
                yield new Plan(
                        new Via("PUT /api/register/" + authority, actor, Map.of(), null, true),
                        register -> replacement,
                        ErrorNaming.BODY,
                        true,
                        false);
            }
            case PutRecord put ->
                new Plan(
                        new Via("PUT " + put.kind().noun, actor),
                        register -> {
                            if (register.hidden(put.kind(), put.id())) {
                                throw register.notFound(put.kind(), put.id());
                            }
                            register.put(put.kind(), put.record());
                            return register.tree();
                        },
                        ErrorNaming.record(put.kind().list, put.id()),
                        false,
                        false);
            case PatchRecord patch ->
                new Plan(
                        new Via("PATCH " + patch.kind().noun, actor),
                        register -> {
                            ObjectNode record = register.require(patch.kind(), patch.id());
                            register.replace(patch.kind(), patch.id(), (ObjectNode) mergePatch(record, patch.patch()));
                            return register.tree();
                        },
                        ErrorNaming.record(patch.kind().list, patch.id()),
                        false,
                        false);
            case DeleteRecord delete ->
                new Plan(
                        new Via("DELETE " + delete.kind().noun, actor),
                        register -> {
                            register.remove(delete.kind(), delete.id());
                            return register.tree();
                        },
                        ErrorNaming.record(delete.kind().list, delete.id()),
                        false,
                        true);
            case ImportRows rows -> importRows(actor, rows);
            case StartPlacement start ->
                new Plan(
                        new Via("placement start", actor, start.context()),
                        register -> {
                            ObjectNode child = register.require(Kind.CHILD, start.childId());
                            register.require(Kind.PROVIDER, start.providerId());
                            if (start.providerId()
                                    .equals(child.path("currentPlacement").asText(null))) {
                                throw new RegisterErrors.Conflict(
                                        "$.providerId",
                                        "child " + start.childId() + " is already placed at " + start.providerId());
                            }
                            place(child, start.providerId());
                            if (Boolean.TRUE.equals(start.pinned())) {
                                child.put("pinned", true);
                            }
                            return register.tree();
                        },
                        ErrorNaming.record(Kind.CHILD.list, start.childId()),
                        false,
                        true);
            case EndPlacement end ->
                new Plan(
                        new Via("placement end", actor, end.context()),
                        register -> {
                            ObjectNode child = register.require(Kind.CHILD, end.childId());
                            if (!child.hasNonNull("currentPlacement")) {
                                throw new RegisterErrors.Conflict(
                                        "$", "child " + end.childId() + " has no current placement to end");
                            }
                            place(child, null);
                            return register.tree();
                        },
                        ErrorNaming.record(Kind.CHILD.list, end.childId()),
                        false,
                        true);
            case AcceptProposal accept -> acceptProposal(actor, accept);
            case ImportFile file ->
                new Plan(
                        new Via(file.via(), actor, file.context()),
                        register -> {
                            file.file().apply(register);
                            return register.tree();
                        },
                        file.file().naming(),
                        file.file().mayCreateRegister(),
                        false);
        };
    }

    private static Plan importRows(String actor, ImportRows rows) {
        Map<String, Integer> lineById = new HashMap<>();
        for (int i = 0; i < rows.rows().records().size(); i++) {
            lineById.put(
                    rows.rows().records().get(i).path("id").asText(""),
                    rows.rows().lines().get(i));
        }
        Via via = new Via(
                "CSV " + rows.kind().list + (rows.replace() ? " (replace)" : ""),
                actor,
                Map.of("rows", rows.rows().records().size()));
        return new Plan(
                via,
                register -> {
                    if (rows.replace()) {
                        register.clear(rows.kind());
                    }
                    for (ObjectNode row : rows.rows().records()) {
                        register.put(rows.kind(), row);
                    }
                    return register.tree();
                },
                ErrorNaming.csvRows(rows.kind().list, lineById),
                false,
                false);
    }

    private static Plan acceptProposal(String actor, AcceptProposal accept) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("runId", accept.runId());
        context.put("reason", accept.reason());
        return new Plan(
                new Via("decision on run " + accept.runId(), actor, context, accept.runId()),
                register -> {
                    for (Move move : accept.moves()) {
                        ObjectNode child = register.find(Kind.CHILD, move.childId());
                        if (child == null) {
                            throw new RegisterErrors.Conflict(
                                    "$.childId",
                                    "child " + move.childId()
                                            + " is no longer in the register; the proposal cannot be accepted");
                        }
                        String now = child.hasNonNull("currentPlacement")
                                ? child.get("currentPlacement").asText()
                                : null;
                        if (!Objects.equals(now, move.fromProvider())) {
                            throw new RegisterErrors.Conflict(
                                    "$.childId",
                                    "the register has changed since the run: child "
                                            + move.childId() + " is " + (now == null ? "waiting" : "at " + now)
                                            + ", the run proposed a change from "
                                            + (move.fromProvider() == null ? "waiting" : move.fromProvider())
                                            + "; start a new run");
                        }
                        if (register.find(Kind.PROVIDER, move.toProvider()) == null) {
                            throw new RegisterErrors.Conflict(
                                    "$.childId",
                                    "provider " + move.toProvider()
                                            + " is no longer in the register; the proposal cannot be accepted");
                        }
                        place(child, move.toProvider());
                    }
                    return register.tree();
                },
                ErrorNaming.record(Kind.CHILD.list, accept.askedChildId()),
                false,
                true);
    }

    /** The child's current placement becomes the provider (none: null); it is then neither pinned nor moving. */
    private static void place(ObjectNode child, String providerId) {
        if (providerId == null) {
            child.remove("currentPlacement");
        } else {
            child.put("currentPlacement", providerId);
        }
        child.remove("needsMove");
        child.remove("pinned");
    }

    /**
     * RFC 7396 JSON merge patch: members of the patch replace those of the target; null removes one. A location
     * given by postcode alone replaces the location whole, or the old coordinates would stand beside it.
     */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || PostcodeResolution.byPostcode(patch)) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ContractJson.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
