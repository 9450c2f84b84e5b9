package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.register.RegisterChange.Kind;

/**
 * The register of each authority: read, and changed by {@link #apply} with a {@link RegisterChange} (replaced
 * whole from a contract problem, one record, CSV rows, a placement, an accepted proposal). Every change is
 * worked out ({@link RegisterEditor}) on the whole register as it stands under the authority's lock,
 * validated whole with the contract's rules (so the register is always a valid {@link PlacementProblem}),
 * written as the difference to what is stored ({@link RegisterDiff}, {@link RegisterWriter}), and recorded in the
 * audit log, all in one transaction.
 * Changes to one authority therefore never interleave: a second one waits for the first, or is refused
 * with 409 when the database gives up waiting; changes to different authorities never touch each other.
 * Which of its children a user of a shared register sees, their audit entries and the children a query may name are
 * {@link RegisterSight}'s.
 */
@ApplicationScoped
public class RegisterService {

    private static final Pattern AUTHORITY =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0," + (TextRules.MAX_CODE_LENGTH - 1) + "}");

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

    /**
     * A change's description for the audit log: how it came, who made it, anything to add to each entry, and
     * whether it replaced the register whole (recorded as such even when nothing differs).
     */
    public record Via(String via, String actor, Map<String, Object> context, String runId, boolean wholeRegister) {
        public Via(String via, String actor) {
            this(via, actor, Map.of(), null, false);
        }

        public Via(String via, String actor, Map<String, Object> context) {
            this(via, actor, context, null, false);
        }

        public Via(String via, String actor, Map<String, Object> context, String runId) {
            this(via, actor, context, runId, false);
        }
    }

    /** A change as written: the register it made and what differs from the one before. */
    public record Applied(Register register, RegisterDiff diff) {

        /** Whether the change added the record (rather than changing one there before). */
        public boolean added(Kind kind, String id) {
            RegisterDiff.Records<?> records = kind == Kind.PROVIDER ? diff.providers() : diff.children();
            return records.added().stream().anyMatch(a -> id.equals(idOf(a.value())));
        }

        /** The record with the id as the change left it (JSON as stored), or null. */
        public JsonNode record(Kind kind, String id) {
            return RegisterService.record(register, kind, id);
        }

        /**
         * The same as a user with that scope sees it: a provider's links to children the user does not see left out,
         * as on every read ({@link ChildScope#of}).
         */
        public JsonNode record(Kind kind, String id, ChildScope scope) {
            return scope.isAll()
                    ? record(kind, id)
                    : RegisterService.record(
                            new Register(register.authority(), register.version(), scope.of(register.problem())),
                            kind,
                            id);
        }
    }

    private record CachedCaseload(long version, Caseload caseload) {}

    private final Database db;
    private final RegisterAccess access;
    private final Map<String, CachedCaseload> caseloads = new ConcurrentHashMap<>();
    /**
     * The latest register read of each authority: a read checks the stored version (one small query) and reuses it
     * while it is current, so the pages of a region-size register do not read every record on every request.
     */
    private final Map<String, Register> latest = new ConcurrentHashMap<>();

    public RegisterService(Database db, RegisterAccess access) {
        this.db = db;
        this.access = access;
    }

    public static String checkAuthority(String authority) {
        if (authority == null || !AUTHORITY.matcher(authority).matches()) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "authority",
                    "must be an authority code: letters, digits, '_', '-' or '.', at most " + TextRules.MAX_CODE_LENGTH
                            + ", got " + (authority == null ? "nothing" : TextRules.quote(authority)))));
        }
        return authority;
    }

    // Reading.

    /**
     * The authority's register as the user of the request sees it, read consistently (every record of one version):
     * in a shared register, only the children of the authorities the user holds (contract section 8).
     */
    public Register get(String authority) {
        Register whole = whole(authority);
        ChildScope scope = access.scope(authority);
        return scope.isAll() ? whole : new Register(authority, whole.version(), scope.of(whole.problem()));
    }

    /** The children of the register the user of the request sees and changes. */
    public ChildScope scope(String authority) {
        return access.scope(authority);
    }

    /**
     * The whole register, every child whoever asks: for what the service works out on the register as a whole (a
     * run, the places other children occupy), never to be shown as it is to a user of a shared register.
     */
    public Register whole(String authority) {
        return find(authority).orElseThrow(() -> noRegister(authority));
    }

    private Optional<Register> find(String authority) {
        checkAuthority(authority);
        return db.transaction(c -> {
            Register cached = latest.get(authority);
            if (cached != null) {
                Optional<RegisterStore.Header> header = RegisterStore.header(c, authority);
                if (header.isPresent() && header.get().version() == cached.version()) {
                    return Optional.of(cached);
                }
            }
            Optional<Register> read = readConsistently(c, authority);
            read.ifPresentOrElse(register -> latest.put(authority, register), () -> latest.remove(authority));
            return read;
        });
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
                .filter(h -> h.version() > 0)
                .orElseThrow(() -> noRegister(authority))
                .version();
    }

    /** The record with the id, as stored; a child the user does not see is not there (404). */
    public JsonNode record(String authority, Kind kind, String id) {
        JsonNode record = record(get(authority), kind, id);
        if (record == null) {
            throw new RegisterErrors.NotFound("no " + kind.noun + " " + id + " in the register of " + authority);
        }
        return record;
    }

    private static JsonNode record(Register register, Kind kind, String id) {
        List<?> records = kind == Kind.PROVIDER
                ? register.problem().providers()
                : register.problem().children();
        for (Object record : records) {
            if (id.equals(idOf(record))) {
                return ContractJson.mapper().valueToTree(record);
            }
        }
        return null;
    }

    private static String idOf(Object record) {
        return record instanceof ProviderInput p ? p.id() : ((ChildInput) record).id();
    }

    /**
     * The whole register loaded for match and emergency queries (every child occupies its place, whoever asks), kept
     * while the register does not change. What is shown of it to a user of a shared register is for the caller.
     */
    public Caseload caseload(String authority) {
        long version = version(checkAuthority(authority));
        CachedCaseload cached = caseloads.get(authority);
        if (cached != null && cached.version() == version) {
            return cached.caseload();
        }
        Register register = whole(authority);
        Caseload caseload = Caseload.of(register.problem());
        caseloads.put(authority, new CachedCaseload(register.version(), caseload));
        return caseload;
    }

    /**
     * The register as the user of the request sees it, loaded (for figures of its children, not for queries: the
     * children it does not see would be missing from the places they occupy).
     */
    public Caseload caseloadAsSeen(String authority) {
        return access.scope(authority).isAll()
                ? caseload(authority)
                : Caseload.of(get(authority).problem());
    }

    public static RegisterErrors.NotFound noRegister(String authority) {
        return new RegisterErrors.NotFound(
                "no register for authority " + authority + ": import one with PUT /api/register/" + authority);
    }

    // Changing.

    /** Applies the change to the authority's register; see {@link #apply(String, String, RegisterChange, Locked, AfterWrite)}. */
    public Applied apply(String authority, String actor, RegisterChange change) {
        return apply(authority, actor, change, null, null);
    }

    /**
     * Applies the change to the authority's register: it is worked out on the whole register as it stands
     * under the lock, the result validated whole with the contract's rules, written as the difference to what
     * is stored and audited, all in one transaction.
     *
     * @param check checks made under the lock before the change (may be null)
     * @param after work done in the same transaction once the register is written (may be null)
     */
    public Applied apply(String authority, String actor, RegisterChange change, Locked check, AfterWrite after) {
        checkAuthority(authority);
        ChildScope scope = scopeOfChange(authority, change);
        return apply(authority, RegisterEditor.plan(authority, actor, change), scope, check, after, true);
    }

    /**
     * What the change would do, worked out exactly as {@link #apply} does (under the lock, validated whole, the same
     * errors) and then rolled back: nothing is written or audited. A dry run of an import, a preview of a CSV upload
     * before it is confirmed.
     */
    public Applied dryRun(String authority, String actor, RegisterChange change) {
        checkAuthority(authority);
        ChildScope scope = scopeOfChange(authority, change);
        try {
            apply(authority, RegisterEditor.plan(authority, actor, change), scope, null, null, false);
        } catch (RolledBack rolledBack) {
            return rolledBack.applied;
        }
        throw new IllegalStateException("a dry run was not rolled back");
    }

    /** Carries a dry run's result out of its transaction, which it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Applied applied;

        RolledBack(Applied applied) {
            super(null, null, false, false);
            this.applied = applied;
        }
    }

    /**
     * The children the change's user may touch. A whole register replaced would remove or overwrite children it does
     * not see, so only a user seeing every child replaces a register whole.
     */
    private ChildScope scopeOfChange(String authority, RegisterChange change) {
        ChildScope scope = access.scope(authority);
        if (!scope.isAll() && change instanceof RegisterChange.ReplaceRegister) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$",
                    "the register of " + authority + " is shared by several authorities: only a user holding "
                            + authority + " replaces it whole; change your authorities' children one by one "
                            + "(PUT, PATCH, DELETE .../children/{id}) or with the children CSV")));
        }
        return scope;
    }

    private Applied apply(
            String authority,
            RegisterEditor.Plan plan,
            ChildScope scope,
            Locked check,
            AfterWrite after,
            boolean keep) {
        Applied applied = db.transaction(c -> {
            Optional<Long> locked = RegisterStore.lock(c, authority);
            Register before = null;
            if (locked.isEmpty()) {
                if (!plan.create()) {
                    throw noRegister(authority);
                }
                RegisterStore.create(c, authority, emptyProblem(authority));
            } else if (locked.get() > 0) {
                before = RegisterStore.load(c, authority).orElseThrow();
            } else if (!plan.create()) {
                throw noRegister(authority);
            }
            if (check != null) {
                check.accept(c, before);
            }
            Applied worked = workOut(authority, plan, before, scope);
            if (!keep) {
                throw new RolledBack(worked);
            }
            RegisterWriter.write(c, worked.register(), worked.diff(), plan.via());
            if (after != null) {
                after.accept(c, before, worked.register());
            }
            return worked;
        });
        caseloads.remove(authority);
        latest.remove(authority);
        return applied;
    }

    private static Applied workOut(String authority, RegisterEditor.Plan plan, Register before, ChildScope scope) {
        ObjectNode tree = before == null
                ? ContractJson.mapper().createObjectNode()
                : ContractJson.mapper().valueToTree(before.problem());
        ObjectNode next = plan.edit().apply(new WorkingRegister(authority, before, tree, scope));
        PlacementProblem problem;
        try {
            problem = ProblemReader.read(next, "$", true);
        } catch (InvalidProblemException e) {
            List<ProblemError> named =
                    ScopedChanges.unnamed(scope, authority, next, plan.naming().name(next, e.errors()));
            if (plan.conflictOnInvalid()) {
                throw new RegisterErrors.Conflict(ProblemErrors.reported(named, e.omitted()));
            }
            throw new InvalidProblemException(named, e.omitted());
        }
        if (!authority.equals(problem.homeAuthority())) {
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$.homeAuthority", "is the authority of the register, '" + authority + "', and cannot change")));
        }
        long version = (before == null ? 0 : before.version()) + 1;
        Register written = new Register(authority, version, problem);
        RegisterDiff diff = RegisterDiff.between(before == null ? null : before.problem(), problem);
        if (!scope.isAll()) {
            List<ProblemError> outside = ScopedChanges.outside(scope, authority, before, problem, diff);
            if (!outside.isEmpty()) {
                throw new InvalidProblemException(plan.naming().name(next, outside));
            }
        }
        return new Applied(written, diff);
    }

    private static PlacementProblem emptyProblem(String authority) {
        return new PlacementProblem(1, null, null, authority, null, List.of(), List.of(), null, null);
    }
}
