package org.placementmatcher.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.register.RegisterErrors;

/**
 * The first administrator: on a start with no user in the database, user {@code admin} with role ADMIN and
 * the password of {@code placement.bootstrap-admin-password} (env {@code PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD});
 * without one, a random password printed once on the console (System.out, not the log, so no log file or
 * log shipper keeps it), never shown again.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);
    public static final String ADMIN = "admin";

    /** Who created the first administrator, in the account audit. */
    static final String SYSTEM_ACTOR = "system:bootstrap";

    private final AccountStore accounts;
    private final Optional<String> configuredPassword;
    private final int minPasswordLength;

    /**
     * Made at start-up (it observes the start), so a {@code placement.security.min-password-length} out of its
     * range stops the service then, with {@link AccountRules#minPasswordLength}'s message, rather than at the first
     * new password.
     */
    @Inject
    public AccountBootstrap(
            AccountStore accounts,
            @ConfigProperty(name = "placement.bootstrap-admin-password") Optional<String> configuredPassword,
            Config config) {
        this(accounts, configuredPassword, AccountRules.minPasswordLength(config));
    }

    /** With the minimum already read (tests). */
    AccountBootstrap(AccountStore accounts, Optional<String> configuredPassword, int minPasswordLength) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        this.minPasswordLength = minPasswordLength;
    }

    /** Before anything else that may add users at start-up (a test profile's fixed accounts). */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        bootstrap(System.out);
    }

    /** Creates admin when there is no user; true when it did. */
    boolean bootstrap(PrintStream console) {
        if (accounts.count() > 0) {
            return false;
        }
        Optional<String> given = configuredPassword.filter(p -> !p.isBlank());
        if (given.isPresent()) {
            ProblemErrors errors = new ProblemErrors();
            AccountRules.checkPassword(
                    errors, "PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD", given.get(), ADMIN, minPasswordLength);
            if (!errors.isEmpty()) {
                // Still created: the operator chose it, and refusing to start would leave no way in at all.
                LOG.warn("PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD is weaker than the rules for new passwords (at least "
                        + minPasswordLength + " characters, " + AccountRules.MIN_PASSWORD_LENGTH_PROPERTY
                        + "): change it");
            }
        }
        String password = given.orElseGet(AccountRules::generatePassword);
        Instant now = accounts.now();
        TreeSet<Role> roles = new TreeSet<>(EnumSet.of(Role.ADMIN));
        try {
            accounts.create(
                    new Account(ADMIN, accounts.hash(password), roles, new TreeSet<>(), true, 0, null, now, now),
                    SYSTEM_ACTOR);
        } catch (RegisterErrors.Conflict e) {
            // Another instance on the same database (PostgreSQL) made it first: nothing to say.
            return false;
        }
        if (given.isPresent()) {
            LOG.infof(
                    "no user in the database: created user %s (role ADMIN) with PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD",
                    ADMIN);
        } else {
            LOG.infof(
                    "no user in the database: created user %s (role ADMIN); its password is printed on the console once",
                    ADMIN);
            console.println();
            console.println("=== Placement Matcher: first start, no user in the database ===");
            console.println("Created user '" + ADMIN + "' (role ADMIN) with the password:");
            console.println("    " + password);
            console.println("It is shown only this once: sign in and change it (PATCH /api/admin/users/admin),");
            console.println("or set PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD before the first start next time.");
            console.println();
            console.flush();
        }
        return true;
    }
}
