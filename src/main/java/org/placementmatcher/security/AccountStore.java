package org.placementmatcher.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.register.Database;
import org.placementmatcher.register.RegisterErrors;

/**
 * Local accounts in the service's database: creation, changes, and the sign-in check with its lock-out
 * (five failed sign-ins in a row lock the account for {@code placement.security.lockout}; a success resets
 * the count). Passwords are hashed with bcrypt through Elytron ({@link BcryptUtil}), at the cost
 * {@code placement.security.bcrypt-cost} (log2 of the rounds).
 */
@ApplicationScoped
public class AccountStore {

    private static final Logger LOG = Logger.getLogger(AccountStore.class);

    /** Failed sign-ins in a row that lock an account. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    private final Database database;
    private final SecurityClock clock;
    private final int bcryptCost;
    private final Duration lockout;
    /** Compared against when the user is unknown, so that an unknown name takes as long as a wrong password. */
    private final String unknownUserHash;

    public AccountStore(
            Database database,
            SecurityClock clock,
            @ConfigProperty(name = "placement.security.bcrypt-cost", defaultValue = "10") int bcryptCost,
            @ConfigProperty(name = "placement.security.lockout", defaultValue = "PT15M") Duration lockout) {
        this.database = database;
        this.clock = clock;
        this.bcryptCost = bcryptCost;
        this.lockout = lockout;
        this.unknownUserHash = BcryptUtil.bcryptHash(AccountRules.generatePassword(), bcryptCost);
    }

    /** The bcrypt hash of a password at the configured cost. */
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, bcryptCost);
    }

    public Instant now() {
        return clock.now();
    }

    public Optional<Account> find(String username) {
        return database.transaction(c -> Accounts.find(c, username));
    }

    public List<Account> list() {
        return database.transaction(Accounts::list);
    }

    public long count() {
        return database.transaction(Accounts::count);
    }

    /** Why a sign-in failed; the caller says no more than "failed" to the user. */
    public enum Refusal {
        UNKNOWN,
        DISABLED,
        LOCKED,
        WRONG_PASSWORD
    }

    /** The outcome of a sign-in: the account, or why not. */
    public record SignIn(Account account, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /**
     * Checks a password. A locked account is refused whatever the password (so the lock cannot be used to guess
     * it), after a hash all the same, so that its answer takes as long as any other; a wrong password counts
     * towards the lock, a right one resets the count. A right password is refused too when guesses made at the
     * same moment locked the account while it was being checked.
     */
    public SignIn signIn(String username, String password) {
        Optional<Account> found = find(username);
        if (found.isEmpty()) {
            BcryptUtil.matches(password, unknownUserHash);
            return new SignIn(null, Refusal.UNKNOWN);
        }
        Account account = found.get();
        Instant now = clock.now();
        if (account.lockedAt(now)) {
            BcryptUtil.matches(password, unknownUserHash);
            return new SignIn(account, Refusal.LOCKED);
        }
        // The slow hash runs outside any transaction: no row is held while it works.
        boolean matches = BcryptUtil.matches(password, account.passwordHash());
        if (!account.enabled()) {
            return new SignIn(account, Refusal.DISABLED);
        }
        if (!matches) {
            recordFailure(username, now);
            return new SignIn(account, Refusal.WRONG_PASSWORD);
        }
        boolean lockedMeanwhile = database.transaction(c -> {
            Optional<Account> current = Accounts.findForUpdate(c, username);
            if (current.isEmpty() || current.get().lockedAt(now)) {
                return true;
            }
            if (current.get().failedAttempts() != 0 || current.get().lockedUntil() != null) {
                Accounts.updateSignIn(c, username, 0, null);
            }
            return false;
        });
        return lockedMeanwhile ? new SignIn(account, Refusal.LOCKED) : new SignIn(account, null);
    }

    private void recordFailure(String username, Instant now) {
        boolean locked = database.transaction(c -> {
            Optional<Account> current = Accounts.findForUpdate(c, username);
            if (current.isEmpty()) {
                return false;
            }
            int failures = current.get().failedAttempts() + 1;
            if (failures >= MAX_FAILED_ATTEMPTS) {
                // A new count starts once the lock has passed.
                Accounts.updateSignIn(c, username, 0, now.plus(lockout));
                return true;
            }
            Accounts.updateSignIn(c, username, failures, current.get().lockedUntil());
            return false;
        });
        if (locked) {
            LOG.infof(
                    "account %s locked for %s after %d failed sign-ins in a row",
                    username, lockout, MAX_FAILED_ATTEMPTS);
        }
    }

    /** Creates the account, on record as the actor's; 409 when the name is taken. */
    public synchronized Account create(Account account, String actor) {
        return database.transaction(c -> {
            if (Accounts.find(c, account.username()).isPresent()) {
                throw new RegisterErrors.Conflict("$.username", "a user with this username already exists");
            }
            Accounts.insert(c, account);
            AccountAudit.record(
                    c,
                    clock.now(),
                    actor,
                    AccountAudit.Action.USER_CREATED,
                    account.username(),
                    AccountAudit.created(account));
            return Accounts.find(c, account.username()).orElseThrow();
        });
    }

    /**
     * Changes an account; 404 when there is none, 409 when the change would leave no enabled ADMIN (users
     * could then no longer be managed but through the command line).
     */
    public synchronized Account update(String username, UnaryOperator<Account> change, String actor) {
        return database.transaction(c -> {
            Account before = Accounts.findForUpdate(c, username).orElseThrow(() -> notFound(username));
            Account after = change.apply(before);
            boolean wasAdmin = before.enabled() && before.roles().contains(Role.ADMIN);
            boolean isAdmin = after.enabled() && after.roles().contains(Role.ADMIN);
            if (wasAdmin && !isAdmin && Accounts.enabledAdminsOtherThan(c, username) == 0) {
                throw new RegisterErrors.Conflict(
                        "$", "refused: " + username + " is the last enabled user with role ADMIN");
            }
            Accounts.update(c, after);
            AccountAudit.record(
                    c,
                    clock.now(),
                    actor,
                    AccountAudit.Action.USER_CHANGED,
                    username,
                    AccountAudit.changed(before, after));
            return Accounts.find(c, username).orElseThrow();
        });
    }

    /** Deletes an account; 404 when there is none, 409 for the last enabled ADMIN. */
    public synchronized void delete(String username, String actor) {
        database.transaction(c -> {
            Account before = Accounts.findForUpdate(c, username).orElseThrow(() -> notFound(username));
            if (before.enabled()
                    && before.roles().contains(Role.ADMIN)
                    && Accounts.enabledAdminsOtherThan(c, username) == 0) {
                throw new RegisterErrors.Conflict(
                        "$", "refused: " + username + " is the last enabled user with role ADMIN");
            }
            Accounts.delete(c, username);
            AccountAudit.record(c, clock.now(), actor, AccountAudit.Action.USER_DELETED, username, Map.of());
            return null;
        });
    }

    /** The account audit's entries about the username, oldest first (also after it was deleted). */
    public List<AccountAudit.Entry> audit(String username) {
        return database.transaction(c -> AccountAudit.of(c, username));
    }

    public static RegisterErrors.NotFound notFound(String username) {
        return new RegisterErrors.NotFound("no user " + org.placementmatcher.contract.TextRules.quote(username));
    }
}
