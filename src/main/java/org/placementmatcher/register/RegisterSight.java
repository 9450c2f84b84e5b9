package org.placementmatcher.register;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.domain.Child;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchService;

/**
 * What a user of a shared register sees of it (contract section 8), as {@link RunSight} tells of a run: the children
 * of the authorities the user holds ({@link ChildSight}), the audit log's entries about them and about no child, and
 * the children a query may name. The register itself, as the user sees it, is {@link RegisterService#get}'s.
 */
@ApplicationScoped
public class RegisterSight {

    private final Database db;
    private final RegisterService registers;

    public RegisterSight(Database db, RegisterService registers) {
        this.db = db;
        this.registers = registers;
    }

    /**
     * The child ids the user of the request sees in the register, by the register as it stands: a child no longer
     * there is seen only by users who see every child (its responsible authority is not known any more).
     */
    public ChildSight childSight(String authority) {
        ChildScope scope = registers.scope(authority);
        if (scope.isAll()) {
            return ChildSight.EVERY;
        }
        Register whole = registers.whole(authority);
        java.util.Set<String> seen = new java.util.HashSet<>();
        whole.problem().children().forEach(child -> {
            if (scope.sees(child, whole.problem().homeAuthority())) {
                seen.add(child.id());
            }
        });
        return new ChildSight(seen, scope.authorities());
    }

    /**
     * Refuses a query naming a child the user of the request does not see exactly as one naming no child of the
     * register (400 at {@code $.childIds[i]}); every child still occupies its place in what the query works out. A
     * child placed together with another authority's child is refused (400 at {@code $.childIds}) without naming it.
     */
    public void requireSeen(String authority, List<String> childIds) {
        ChildSight sight = childSight(authority);
        List<ProblemError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < childIds.size(); i++) {
            String id = childIds.get(i);
            if (id != null && !sight.sees(id)) {
                errors.add(new ProblemError("$.childIds[" + i + "]", TextRules.unknownChildId(id)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        if (sight.ids() == null || childIds.isEmpty() || childIds.getFirst() == null) {
            return;
        }
        Caseload caseload = registers.caseload(authority);
        Child first = caseload.child(childIds.getFirst());
        if (first != null
                && MatchService.travelsWith(caseload, first).stream().anyMatch(member -> !sight.sees(member.getId()))) {
            // A group spanning authorities is asked about by a user seeing all of it: the others are not named.
            throw new InvalidProblemException(List.of(new ProblemError(
                    "$.childIds",
                    "child '" + first.getId() + "' is placed together with " + RunSight.ANOTHER_CHILD
                            + ": its options are asked by a user who sees every child placed with it")));
        }
    }

    public List<AuditLog.Entry> auditOfChild(String authority, String childId) {
        ChildSight sight = childSight(authority);
        List<AuditLog.Entry> entries = db.transaction(c -> {
            requireRegister(c, authority);
            List<AuditLog.Entry> found = AuditLog.byChild(c, authority, childId);
            if (found.isEmpty() && !RegisterStore.children(c, authority).containsKey(childId)) {
                throw new RegisterErrors.NotFound("no child " + childId + " in the register of " + authority);
            }
            return found;
        });
        if (!sight.sees(childId)) {
            throw new RegisterErrors.NotFound("no child " + childId + " in the register of " + authority);
        }
        return entries;
    }

    public List<AuditLog.Entry> auditOfProvider(String authority, String providerId) {
        ChildSight sight = childSight(authority);
        return sight.only(db.transaction(c -> {
            requireRegister(c, authority);
            List<AuditLog.Entry> entries = AuditLog.byProvider(c, authority, providerId);
            if (entries.isEmpty() && !RegisterStore.providers(c, authority).containsKey(providerId)) {
                throw new RegisterErrors.NotFound("no provider " + providerId + " in the register of " + authority);
            }
            return entries;
        }));
    }

    /**
     * A page of the authority's audit log; a user of a shared register who sees only some children gets the entries
     * about them and about no child (providers, the register), so a page may hold fewer than {@code limit}.
     */
    public List<AuditLog.Entry> audit(String authority, long afterSeq, int limit) {
        ChildSight sight = childSight(authority);
        return sight.only(db.transaction(c -> {
            requireRegister(c, authority);
            return AuditLog.page(c, authority, afterSeq, limit);
        }));
    }

    private static void requireRegister(Connection c, String authority) throws SQLException {
        RegisterService.checkAuthority(authority);
        if (RegisterStore.header(c, authority).filter(h -> h.version() > 0).isEmpty()) {
            throw RegisterService.noRegister(authority);
        }
    }
}
