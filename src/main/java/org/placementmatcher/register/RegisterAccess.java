package org.placementmatcher.register;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Who may open which register, and which of its children they see (contract section 8). A user opens a register
 * when it holds the register's code (or {@code *}), or any member authority of a shared register
 * ({@link SharedRegisters}); inside, its {@link ChildScope} is every child when it holds the register's code, else
 * the children of the member authorities it holds. Work the service does itself (runs, retention, the schedule),
 * outside any user's request, sees every child.
 */
@ApplicationScoped
public class RegisterAccess {

    private static final Logger LOG = Logger.getLogger(RegisterAccess.class);

    private final SharedRegisters shared;
    private final CurrentUser user;

    public RegisterAccess(SharedRegisters shared, CurrentUser user) {
        this.shared = shared;
        this.user = user;
    }

    void logShared(@Observes StartupEvent start) {
        shared.registers().keySet().stream()
                .sorted()
                .forEach(code -> LOG.infof(
                        "register %s is shared by %s (placement.registers.\"%s\".members)",
                        code, String.join(", ", shared.membersOf(code)), code));
    }

    /** The register's member authorities; none when it is not shared. */
    public Set<String> membersOf(String register) {
        return shared.membersOf(register);
    }

    /** Whether the user of the request may open the register at all (else it answers as missing: 404). */
    public boolean mayOpen(String register) {
        return user.holds(register) || membersOf(register).stream().anyMatch(user::holds);
    }

    /** The children of the register the user of the request sees and changes. */
    public ChildScope scope(String register) {
        ManagedContext request = Arc.container().requestContext();
        if (!request.isActive() || user.isAnonymous() || user.holds(register)) {
            return ChildScope.ALL;
        }
        Set<String> held = new TreeSet<>();
        for (String member : membersOf(register)) {
            if (user.holds(member)) {
                held.add(member);
            }
        }
        return new ChildScope(held);
    }

    /** Only the entries of registers the user may open, in the same order. */
    public <V> Map<String, V> openableOnly(Map<String, V> byRegister) {
        Map<String, V> openable = new LinkedHashMap<>();
        byRegister.forEach((register, value) -> {
            if (mayOpen(register)) {
                openable.put(register, value);
            }
        });
        return openable;
    }

    /**
     * The registers the user's own codes point at, without reading the database: each held code, or the shared
     * register it is a member of (a council in a co-operative works in the co-operative's register).
     */
    public Set<String> registersOfHeldCodes() {
        Set<String> registers = new LinkedHashSet<>();
        for (String code : user.authorities()) {
            if (Role.ANY_AUTHORITY.equals(code)) {
                continue;
            }
            boolean member = false;
            for (String register : shared.registers().keySet()) {
                if (membersOf(register).contains(code)) {
                    registers.add(register);
                    member = true;
                }
            }
            if (!member) {
                registers.add(code);
            }
        }
        return registers;
    }
}
