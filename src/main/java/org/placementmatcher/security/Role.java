package org.placementmatcher.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of contract section 6. The data roles are ordered: each includes every one before it
 * (VIEWER &lt; OFFICER &lt; MANAGER &lt; NOMINATED_OFFICER &lt; DIRECTOR). ADMIN manages users and sees no
 * children's data unless the user also holds a data role.
 */
public enum Role {
    VIEWER,
    OFFICER,
    MANAGER,
    NOMINATED_OFFICER,
    DIRECTOR,
    ADMIN;

    /** Role names as the security annotations need them (compile-time constants). */
    public static final String VIEWER_NAME = "VIEWER";

    public static final String OFFICER_NAME = "OFFICER";
    public static final String MANAGER_NAME = "MANAGER";
    public static final String NOMINATED_OFFICER_NAME = "NOMINATED_OFFICER";
    public static final String DIRECTOR_NAME = "DIRECTOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** The identity attribute holding a user's authority codes, a {@code Set<String>} ({@code "*"}: all). */
    public static final String AUTHORITIES_ATTRIBUTE = "placement.authorities";

    /** All authorities. */
    public static final String ANY_AUTHORITY = "*";

    /** The role with this name, or null when the name is no role (e.g. another claim value of a token). */
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    public boolean isDataRole() {
        return this != ADMIN;
    }

    /** This role and every data role it includes (ADMIN includes only itself). */
    public Set<Role> withIncluded() {
        if (!isDataRole()) {
            return EnumSet.of(ADMIN);
        }
        return EnumSet.range(VIEWER, this);
    }
}
