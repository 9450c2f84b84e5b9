package org.placementmatcher.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.register.AuditLog.Action;
import org.placementmatcher.register.AuditLog.NewEntry;
import org.placementmatcher.register.RegisterStore.Indexed;

/**
 * The register of each authority: replaced whole from a contract problem, or changed one record at a
 * time. Every change is worked out on the whole register as it stands under the authority's lock,
 * validated whole with the contract's rules (so the register is always a valid {@link PlacementProblem}),
 * written as the difference to what is stored, and recorded in the audit log, all in one transaction.
 * Changes to one authority therefore never interleave: a second one waits for the first, or is refused
 * with 409 when the database gives up waiting; changes to different authorities never touch each other.
 */
@ApplicationScoped
public class RegisterService {

    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern RECORD_PATH = Pattern.compile("^\\$\\.(providers|children)\\[(\\d+)](.*)$");
    public static final String DEFAULT_ACTOR = "api";

    /** A change to the register, made on its JSON tree (providers, children and the problem's own fields). */
    @FunctionalInterface
    public interface Edit {
        /**
         * @param current the register as it stands (null when it is being created)
         * @param tree a copy of it to change and return (or a new tree)
         */
        ObjectNode apply(Register current, ObjectNode tree);
    }

    /** Work done in the same transaction once the changed register is written (e.g. storing a decision). */
    @FunctionalInterface
    public interface AfterWrite {
        void accept(Connection connection, Register before, Register after) throws SQLException;
    }

    /** Checks made under the authority's lock, before the edit (e.g. that a decision was not taken meanwhile). */
    @FunctionalInterface
    public interface Locked {
        void accept(Connection connection, Register current) throws SQLException;
    }

    /** How a change names the errors of the register it would make. */
    public interface ErrorNaming {
        List<ProblemError> name(ObjectNode tree, List<ProblemError> errors);

        /** Paths as they are: they refer to the request body, which is the whole register. */
        ErrorNaming BODY = (tree, errors) -> errors;
    }

    /** A change's description for the audit log: how it came, who made it, and anything to add to each entry. */
    public record Via(String via, String actor, Map<String, Object> context, String runId) {
        public Via(String via, String actor) {
            this(via, actor, Map.of(), null);
        }

        public Via(String via, String actor, Map<String, Object> context) {
            this(via, actor, context, null);
        }
    }

    private record CachedCaseload(long version, Caseload caseload) {
    }

    private final Database db;
    private final Map<String, CachedCaseload> caseloads = new ConcurrentHashMap<>();

    public RegisterService(Database db) {
        this.db = db;
    }

    public static String checkAuthority(String authority) {
        if (authority == null || !AUTHORITY.matcher(authority).matches()) {
            throw new InvalidProblemException(List.of(new ProblemError("authority",
                    "must be an authority code: letters, digits, '_', '-' or '.', at most 64, got '" + authority + "'")));
        }
        return authority;
    }

    public static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return DEFAULT_ACTOR;
        }
        String trimmed = actor.trim();
        if (trimmed.length() > 200) {
            throw new InvalidProblemException(List.of(new ProblemError("actor", "must be at most 200 characters")));
        }
        return trimmed;
    }

    // Reading.

    /** The authority's register, read consistently (every record of one version). */
    public Register get(String authority) {
        return find(authority).orElseThrow(() -> noRegister(authority));
    }

    public Optional<Register> find(String authority) {
        checkAuthority(authority);
        return db.transaction(c -> readConsistently(c, authority));
    }

    /** Reads the header, the records, then the header again; retried if a change committed in between. */
    static Optional<Register> readConsistently(Connection connection, String authority) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            Optional<Register> register = RegisterStore.load(connection, authority);
            if (register.isEmpty()) {
                return register;
            }
            Optional<RegisterStore.Header> after = RegisterStore.header(connection, authority);
            if (after.isPresent() && after.get().version() == register.get().version()) {
                return register;
            }
            if (attempt == 10) {
                throw new RegisterErrors.Conflict("$", "the register of " + authority + " keeps changing; try again");
            }
        }
    }

    public Map<String, Long> authorities() {
        return db.transaction(RegisterStore::authorities);
    }

    public long version(String authority) {
        return db.transaction(c -> RegisterStore.header(c, authority))
                .filter(h -> h.version() > 0).orElseThrow(() -> noRegister(authority)).version();
    }

    /** The register loaded for match and emergency queries, kept while the register does not change. */
    public Caseload caseload(String authority) {
        long version = version(checkAuthority(authority));
        CachedCaseload cached = caseloads.get(authority);
        if (cached != null && cached.version() == version) {
            return cached.caseload();
        }
        Register register = get(authority);
        Caseload caseload = Caseload.of(register.problem());
        caseloads.put(authority, new CachedCaseload(register.version(), caseload));
        return caseload;
    }

    public List<AuditLog.Entry> auditOfChild(String authority, String childId) {
        return db.transaction(c -> {
            requireRegister(c, authority);
            List<AuditLog.Entry> entries = AuditLog.byChild(c, authority, childId);
            if (entries.isEmpty() && !RegisterStore.children(c, authority).containsKey(childId)) {
                throw new RegisterErrors.NotFound("no child " + childId + " in the register of " + authority);
            }
            return entries;
        });
    }

    public List<AuditLog.Entry> auditOfProvider(String authority, String providerId) {
        return db.transaction(c -> {
            requireRegister(c, authority);
            List<AuditLog.Entry> entries = AuditLog.byProvider(c, authority, providerId);
            if (entries.isEmpty() && !RegisterStore.providers(c, authority).containsKey(providerId)) {
                throw new RegisterErrors.NotFound("no provider " + providerId + " in the register of " + authority);
            }
            return entries;
        });
    }

    public List<AuditLog.Entry> audit(String authority, long afterSeq, int limit) {
        return db.transaction(c -> {
            requireRegister(c, authority);
            return AuditLog.page(c, authority, afterSeq, limit);
        });
    }

    private static void requireRegister(Connection c, String authority) throws SQLException {
        checkAuthority(authority);
        if (RegisterStore.header(c, authority).filter(h -> h.version() > 0).isEmpty()) {
            throw noRegister(authority);
        }
    }

    static RegisterErrors.NotFound noRegister(String authority) {
        return new RegisterErrors.NotFound("no register for authority " + authority
                + ": import one with PUT /api/register/" + authority);
    }

    // Changing.

    /** Replaces the authority's register with the problem (already validated), all or nothing. */
    public Register replace(String authority, PlacementProblem problem, String actor) {
        checkAuthority(authority);
        if (!authority.equals(problem.homeAuthority())) {
            throw new InvalidProblemException(List.of(new ProblemError("$.homeAuthority",
                    "must be the authority of the path, '" + authority + "', got '" + problem.homeAuthority() + "'")));
        }
        ObjectNode replacement = ContractJson.mapper().valueToTree(problem);
        return change(authority, true, new Via("PUT /api/register/" + authority, actor),
                (current, tree) -> replacement.deepCopy(), ErrorNaming.BODY, false, null);
    }

    /**
     * Changes the authority's register: the edit is made on the register as it stands under the lock,
     * the result validated whole, written and audited in one transaction.
     *
     * @param create whether a missing register may be created (else 404)
     * @param conflictOnInvalid answer an invalid result with 409 (the request itself was well-formed, the
     *        register's state refuses it) rather than 400
     */
    public Register change(String authority, boolean create, Via via, Edit edit, ErrorNaming naming,
            boolean conflictOnInvalid, AfterWrite after) {
        return change(authority, create, via, null, edit, naming, conflictOnInvalid, after);
    }

    /** As above, with checks made under the lock before the edit. */
    public Register change(String authority, boolean create, Via via, Locked check, Edit edit, ErrorNaming naming,
            boolean conflictOnInvalid, AfterWrite after) {
        checkAuthority(authority);
        Register changed = db.transaction(c -> {
            Optional<Long> locked = RegisterStore.lock(c, authority);
            Register before = null;
            if (locked.isEmpty()) {
                if (!create) {
                    throw noRegister(authority);
                }
                RegisterStore.create(c, authority, emptyProblem(authority));
            } else if (locked.get() > 0) {
                before = RegisterStore.load(c, authority).orElseThrow();
            } else if (!create) {
                throw noRegister(authority);
            }
            if (check != null) {
                check.accept(c, before);
            }
            ObjectNode tree = before == null ? ContractJson.mapper().createObjectNode()
                    : ContractJson.mapper().valueToTree(before.problem());
            ObjectNode next = edit.apply(before, tree);
            PlacementProblem problem;
            try {
                problem = ProblemReader.read(next, "$");
            } catch (InvalidProblemException e) {
                List<ProblemError> named = naming.name(next, e.errors());
                if (conflictOnInvalid) {
                    throw new RegisterErrors.Conflict(named);
                }
                throw new InvalidProblemException(named);
            }
            if (!authority.equals(problem.homeAuthority())) {
                throw new InvalidProblemException(List.of(new ProblemError("$.homeAuthority",
                        "is the authority of the register, '" + authority + "', and cannot change")));
            }
            long version = (before == null ? 0 : before.version()) + 1;
            Register written = new Register(authority, version, problem);
            write(c, before, written, via);
            if (after != null) {
                after.accept(c, before, written);
            }
            return written;
        });
        caseloads.remove(authority);
        return changed;
    }

    private static PlacementProblem emptyProblem(String authority) {
        return new PlacementProblem(1, null, null, authority, null, List.of(), List.of(), null);
    }

    /** Writes the difference between the stored register and the new one, with an audit entry per record changed. */
    private static void write(Connection c, Register before, Register after, Via via) throws SQLException {
        String authority = after.authority();
        PlacementProblem problem = after.problem();
        Map<String, ProviderInput> oldProviders = new HashMap<>();
        Map<String, Integer> oldProviderOrder = new HashMap<>();
        Map<String, ChildInput> oldChildren = new HashMap<>();
        Map<String, Integer> oldChildOrder = new HashMap<>();
        if (before != null) {
            List<ProviderInput> providers = before.problem().providers();
            for (int i = 0; i < providers.size(); i++) {
                oldProviders.put(providers.get(i).id(), providers.get(i));
                oldProviderOrder.put(providers.get(i).id(), i);
            }
            List<ChildInput> children = before.problem().children();
            for (int i = 0; i < children.size(); i++) {
                oldChildren.put(children.get(i).id(), children.get(i));
                oldChildOrder.put(children.get(i).id(), i);
            }
        }
        List<NewEntry> audit = new ArrayList<>();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("via", via.via());
        context.put("registerVersion", after.version());
        context.putAll(via.context());

        // Providers first (new ones must exist before children are placed there), removed ones last.
        List<Indexed<ProviderInput>> insertProviders = new ArrayList<>();
        List<Indexed<ProviderInput>> updateProviders = new ArrayList<>();
        Map<String, ProviderInput> newProviders = new HashMap<>();
        for (int i = 0; i < problem.providers().size(); i++) {
            ProviderInput p = problem.providers().get(i);
            newProviders.put(p.id(), p);
            ProviderInput old = oldProviders.get(p.id());
            if (old == null) {
                insertProviders.add(new Indexed<>(i, p));
                audit.add(new NewEntry(Action.PROVIDER_ADDED, via.actor(), null, p.id(), null, via.runId(),
                        detail(context, null, p)));
            } else if (!old.equals(p) || oldProviderOrder.get(p.id()) != i) {
                updateProviders.add(new Indexed<>(i, p));
                if (!old.equals(p)) {
                    audit.add(new NewEntry(Action.PROVIDER_CHANGED, via.actor(), null, p.id(), null, via.runId(),
                            detail(context, old, p)));
                }
            }
        }
        List<String> removedProviders = new ArrayList<>();
        oldProviders.forEach((id, old) -> {
            if (!newProviders.containsKey(id)) {
                removedProviders.add(id);
            }
        });
        removedProviders.sort(null);
        for (String id : removedProviders) {
            audit.add(new NewEntry(Action.PROVIDER_REMOVED, via.actor(), null, id, null, via.runId(),
                    detail(context, oldProviders.get(id), null)));
        }
        RegisterStore.insertProviders(c, authority, insertProviders);
        RegisterStore.updateProviders(c, authority, updateProviders);

        List<Indexed<ChildInput>> insertChildren = new ArrayList<>();
        List<Indexed<ChildInput>> updateChildren = new ArrayList<>();
        Map<String, ChildInput> newChildren = new HashMap<>();
        for (int i = 0; i < problem.children().size(); i++) {
            ChildInput child = problem.children().get(i);
            newChildren.put(child.id(), child);
            ChildInput old = oldChildren.get(child.id());
            if (old == null) {
                insertChildren.add(new Indexed<>(i, child));
                audit.add(new NewEntry(Action.CHILD_ADDED, via.actor(), child.id(), child.currentPlacement(), null,
                        via.runId(),
                        detail(context, null, child)));
            } else if (!old.equals(child) || oldChildOrder.get(child.id()) != i) {
                updateChildren.add(new Indexed<>(i, child));
                if (!old.equals(child)) {
                    audit.add(childChange(via, context, old, child));
                }
            }
        }
        List<String> removedChildren = new ArrayList<>();
        oldChildren.forEach((id, old) -> {
            if (!newChildren.containsKey(id)) {
                removedChildren.add(id);
            }
        });
        removedChildren.sort(null);
        for (String id : removedChildren) {
            ChildInput old = oldChildren.get(id);
            audit.add(new NewEntry(Action.CHILD_REMOVED, via.actor(), id, old.currentPlacement(), null, via.runId(),
                    detail(context, old, null)));
        }
        RegisterStore.deleteChildren(c, authority, removedChildren);
        RegisterStore.updateChildren(c, authority, updateChildren);
        RegisterStore.insertChildren(c, authority, insertChildren);
        RegisterStore.deleteProviders(c, authority, removedProviders);

        RegisterStore.updateHeader(c, authority, problem, after.version());
        if (before == null || !RegisterStore.headerOf(before.problem()).equals(RegisterStore.headerOf(problem))
                || via.via().startsWith("PUT /api/register/")) {
            Map<String, Object> summary = new LinkedHashMap<>(context);
            summary.put("providers", problem.providers().size());
            summary.put("children", problem.children().size());
            summary.put("referenceDate", problem.referenceDate());
            audit.addFirst(new NewEntry(Action.REGISTER_REPLACED, via.actor(), null, null, null, via.runId(),
                    ContractJson.mapper().valueToTree(summary)));
        }
        AuditLog.append(c, authority, audit);
    }

    /** A child's record changed: a placement starting, moving or ending, or another change to the record. */
    private static NewEntry childChange(Via via, Map<String, Object> context, ChildInput old, ChildInput child) {
        String from = old.currentPlacement();
        String to = child.currentPlacement();
        JsonNode detail = detail(context, old, child);
        if (Objects.equals(from, to)) {
            return new NewEntry(Action.CHILD_CHANGED, via.actor(), child.id(), null, null, via.runId(), detail);
        }
        if (from == null) {
            return new NewEntry(Action.PLACEMENT_STARTED, via.actor(), child.id(), to, null, via.runId(), detail);
        }
        if (to == null) {
            return new NewEntry(Action.PLACEMENT_ENDED, via.actor(), child.id(), from, null, via.runId(), detail);
        }
        return new NewEntry(Action.PLACEMENT_MOVED, via.actor(), child.id(), to, from, via.runId(), detail);
    }

    /** The entry's detail: the context, the fields that changed, and the record as it now is (or was, if removed). */
    private static JsonNode detail(Map<String, Object> context, Object old, Object now) {
        ObjectNode detail = ContractJson.mapper().valueToTree(context);
        JsonNode oldTree = old == null ? null : ContractJson.mapper().valueToTree(old);
        JsonNode newTree = now == null ? null : ContractJson.mapper().valueToTree(now);
        if (oldTree != null && newTree != null) {
            TreeSet<String> fields = new TreeSet<>();
            oldTree.fieldNames().forEachRemaining(fields::add);
            newTree.fieldNames().forEachRemaining(fields::add);
            ArrayNode changed = detail.putArray("changedFields");
            for (String field : fields) {
                if (!Objects.equals(oldTree.get(field), newTree.get(field))) {
                    changed.add(field);
                }
            }
        }
        detail.set("record", newTree != null ? newTree : oldTree);
        return detail;
    }

    // Changes to one record.

    /** Which list of the register a record belongs to. */
    public enum Kind {
        PROVIDER("providers", "provider"), CHILD("children", "child");

        final String list;
        final String noun;

        Kind(String list, String noun) {
            this.list = list;
            this.noun = noun;
        }
    }

    /** The record with the id, as stored. */
    public JsonNode record(String authority, Kind kind, String id) {
        Register register = get(authority);
        ObjectNode tree = ContractJson.mapper().valueToTree(register.problem());
        int index = indexOf(tree, kind.list, id);
        if (index < 0) {
            throw new RegisterErrors.NotFound("no " + kind.noun + " " + id + " in the register of " + authority);
        }
        return tree.get(kind.list).get(index);
    }

    /** Adds the record, or replaces the one with its id; answers whether it was added. */
    public boolean put(String authority, Kind kind, String id, JsonNode body, String actor) {
        ObjectNode record = object(body);
        if (!record.has("id")) {
            record.put("id", id);
        } else if (!id.equals(record.get("id").asText(null)) || !record.get("id").isTextual()) {
            throw new InvalidProblemException(List.of(new ProblemError("$.id", "must be the id of the path, '" + id + "'")));
        }
        boolean[] added = new boolean[1];
        change(authority, false, new Via("PUT " + kind.noun, actor), (current, tree) -> {
            ArrayNode records = (ArrayNode) tree.get(kind.list);
            int index = indexOf(tree, kind.list, id);
            added[0] = index < 0;
            if (index < 0) {
                records.add(record);
            } else {
                records.set(index, record);
            }
            return tree;
        }, record(kind.list, id), false, null);
        return added[0];
    }

    /** Changes the record by an RFC 7396 merge patch (a member set to null removes the field). */
    public void patch(String authority, Kind kind, String id, JsonNode body, String actor) {
        ObjectNode patch = object(body);
        if (patch.has("id") && !id.equals(patch.get("id").asText(null))) {
            throw new InvalidProblemException(List.of(new ProblemError("$.id", "an id cannot be changed")));
        }
        change(authority, false, new Via("PATCH " + kind.noun, actor), (current, tree) -> {
            int index = indexOf(tree, kind.list, id);
            if (index < 0) {
                throw new RegisterErrors.NotFound("no " + kind.noun + " " + id + " in the register of " + authority);
            }
            ArrayNode records = (ArrayNode) tree.get(kind.list);
            records.set(index, mergePatch(records.get(index), patch));
            return tree;
        }, record(kind.list, id), false, null);
    }

    /** Removes the record; refused (409) while other records refer to it. */
    public void delete(String authority, Kind kind, String id, String actor) {
        change(authority, false, new Via("DELETE " + kind.noun, actor), (current, tree) -> {
            int index = indexOf(tree, kind.list, id);
            if (index < 0) {
                throw new RegisterErrors.NotFound("no " + kind.noun + " " + id + " in the register of " + authority);
            }
            ((ArrayNode) tree.get(kind.list)).remove(index);
            return tree;
        }, record(kind.list, id), true, null);
    }

    /** Adds or replaces (by id) every row of a CSV file; with {@code replace}, the list becomes exactly the rows. */
    public Register importCsv(String authority, Kind kind, RegisterCsv.Rows rows, boolean replace, String actor) {
        Map<String, Integer> lineById = new HashMap<>();
        for (int i = 0; i < rows.records().size(); i++) {
            lineById.put(rows.records().get(i).path("id").asText(""), rows.lines().get(i));
        }
        return change(authority, false, new Via("CSV " + kind.list + (replace ? " (replace)" : ""), actor,
                Map.of("rows", rows.records().size())), (current, tree) -> {
                    ArrayNode records = (ArrayNode) tree.get(kind.list);
                    if (replace) {
                        records.removeAll();
                    }
                    for (ObjectNode row : rows.records()) {
                        int index = indexOf(tree, kind.list, row.path("id").asText(""));
                        if (index < 0 || !row.path("id").isTextual()) {
                            records.add(row);
                        } else {
                            records.set(index, row);
                        }
                    }
                    return tree;
                }, csvRows(kind.list, lineById), false, null);
    }

    /** A placement starting (or a move): the child's current placement becomes the provider. */
    public void startPlacement(String authority, String childId, String providerId, Boolean pinned,
            Map<String, Object> context, String actor) {
        if (providerId == null || providerId.isBlank()) {
            throw new InvalidProblemException(List.of(new ProblemError("$.providerId", "is required: the provider's id")));
        }
        change(authority, false, new Via("placement start", actor, context), (current, tree) -> {
            ObjectNode child = childNode(tree, authority, childId);
            if (indexOf(tree, "providers", providerId) < 0) {
                throw new RegisterErrors.NotFound("no provider " + providerId + " in the register of " + authority);
            }
            if (providerId.equals(child.path("currentPlacement").asText(null))) {
                throw new RegisterErrors.Conflict("$.providerId", "child " + childId + " is already placed at " + providerId);
            }
            child.put("currentPlacement", providerId);
            child.remove("needsMove");
            child.remove("pinned");
            if (Boolean.TRUE.equals(pinned)) {
                child.put("pinned", true);
            }
            return tree;
        }, record("children", childId), true, null);
    }

    /** A placement ending: the child has no current placement any more (and so is neither pinned nor moving). */
    public void endPlacement(String authority, String childId, Map<String, Object> context, String actor) {
        change(authority, false, new Via("placement end", actor, context), (current, tree) -> {
            ObjectNode child = childNode(tree, authority, childId);
            if (!child.hasNonNull("currentPlacement")) {
                throw new RegisterErrors.Conflict("$", "child " + childId + " has no current placement to end");
            }
            child.remove("currentPlacement");
            child.remove("needsMove");
            child.remove("pinned");
            return tree;
        }, record("children", childId), true, null);
    }

    private static ObjectNode childNode(ObjectNode tree, String authority, String childId) {
        int index = indexOf(tree, "children", childId);
        if (index < 0) {
            throw new RegisterErrors.NotFound("no child " + childId + " in the register of " + authority);
        }
        return (ObjectNode) tree.get("children").get(index);
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidProblemException(List.of(new ProblemError("$", "must be a JSON object")));
        }
        return ((ObjectNode) body).deepCopy();
    }

    // Error naming for changes to one record, and for CSV rows.

    /** Errors of the one record the request wrote are named from the request body ($); others by register id. */
    public static ErrorNaming record(String list, String id) {
        return (tree, errors) -> rename(tree, errors, (kind, recordId) ->
                kind.equals(list) && recordId.equals(id) ? "$" : null);
    }

    /** Errors of rows imported from CSV are named by line and column; others by register id. */
    public static ErrorNaming csvRows(String list, Map<String, Integer> lineById) {
        return (tree, errors) -> rename(tree, errors, (kind, recordId) ->
                kind.equals(list) && lineById.containsKey(recordId) ? "line " + lineById.get(recordId) : null);
    }

    private interface Namer {
        String name(String list, String id);
    }

    private static List<ProblemError> rename(ObjectNode tree, List<ProblemError> errors, Namer namer) {
        List<ProblemError> named = new ArrayList<>(errors.size());
        for (ProblemError error : errors) {
            Matcher m = RECORD_PATH.matcher(error.path());
            if (!m.matches()) {
                named.add(new ProblemError(error.path().replaceFirst("^\\$", "register"), error.message()));
                continue;
            }
            String list = m.group(1);
            JsonNode record = tree.path(list).path(Integer.parseInt(m.group(2)));
            String id = record.path("id").isTextual() ? record.path("id").textValue() : m.group(2);
            String own = namer.name(list, id);
            String rest = m.group(3);
            if (own == null) {
                named.add(new ProblemError("register." + list + "[" + id + "]" + rest, error.message()));
            } else if (own.startsWith("line ")) {
                named.add(new ProblemError(own + (rest.isEmpty() ? "" : ", column " + rest.replaceFirst("^\\.", "")),
                        error.message()));
            } else {
                named.add(new ProblemError(own + rest, error.message()));
            }
        }
        return named;
    }

    // Tree helpers for edits.

    /** The index of the record with the id in the tree's list, or -1. */
    public static int indexOf(ObjectNode tree, String list, String id) {
        JsonNode records = tree.path(list);
        for (int i = 0; i < records.size(); i++) {
            if (id.equals(records.get(i).path("id").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 7396 JSON merge patch: members of the patch replace those of the target; null removes one. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
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
