package org.placementmatcher.register;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers shared by several authorities (contract section 8), from configuration:
 * {@code placement.registers."<register code>".members=<code>,<code>,...} (e.g. a regional care co-operative's
 * register, keyed by the co-operative's code, shared by its member councils). Configuration rather than data so that
 * who shares a register is decided, reviewed and changed the way the rest of the service's set-up is (the
 * deployment's change control), and is logged at start-up. A register not named here is its own authority's only.
 */
@ConfigMapping(prefix = "placement.registers")
public interface SharedRegisters {

    @WithParentName
    Map<String, Shared> registers();

    /** One shared register's settings. */
    interface Shared {
        /** The authorities whose users may open the register, each to see and change its own children. */
        Optional<List<String>> members();
    }

    /** The register's member authorities (none: the register is not shared). */
    default Set<String> membersOf(String register) {
        Shared shared = register == null ? null : registers().get(register);
        return shared == null
                ? Set.of()
                : new TreeSet<>(shared.members().orElse(List.of()).stream()
                        .map(String::trim)
                        .filter(code -> !code.isEmpty())
                        .toList());
    }
}
