package org.placementmatcher.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.placementmatcher.contract.ProblemErrors;

/**
 * Creating, changing and deleting local accounts (contract section 6), for the administration API and the users
 * pages alike: the same {@link AccountRules}, the same errors (JSON paths {@code $.username}, {@code $.password},
 * {@code $.roles[i]}, {@code $.authorities[i]}), the same last-ADMIN protection (409). Logged with usernames only.
 */
@ApplicationScoped
public class UserAdministration {

    private static final Logger LOG = Logger.getLogger(UserAdministration.class);

    private final AccountStore accounts;
    private final int minPasswordLength;

    public UserAdministration(AccountStore accounts, Config config) {
        this.accounts = accounts;
        this.minPasswordLength = AccountRules.minPasswordLength(config);
    }

    /** The fewest characters in a new password ({@code placement.security.min-password-length}). */
    public int minPasswordLength() {
        return minPasswordLength;
    }

    /** The fields of a new account (roles and authorities by name, as given). */
    public record NewAccount(
            String username, String password, List<String> roles, List<String> authorities, Boolean enabled) {}

    /** A change: only the non-null fields change; a new password or {@code unlock} lifts a lock-out. */
    public record AccountChange(
            String password, List<String> roles, List<String> authorities, Boolean enabled, Boolean unlock) {
        /** The names of the fields that change (never a value: the log may not hold a password). */
        List<String> fieldsGiven() {
            List<String> names = new ArrayList<>();
            if (password != null) {
                names.add("password");
            }
            if (roles != null) {
                names.add("roles");
            }
            if (authorities != null) {
                names.add("authorities");
            }
            if (enabled != null) {
                names.add("enabled");
            }
            if (unlock != null) {
                names.add("unlock");
            }
            return names;
        }
    }

    /** Creates the account after adding every rule broken to {@code errors} (400 if any; 409 if the name is taken). */
    public Account create(ProblemErrors errors, NewAccount user, String actor) {
        if (user.username() != null) {
            AccountRules.checkUsername(errors, "$.username", user.username());
        }
        if (user.password() != null) {
            AccountRules.checkPassword(errors, "$.password", user.password(), user.username(), minPasswordLength);
        }
        SortedSet<Role> roles = user.roles() == null ? null : AccountRules.checkRoles(errors, "$.roles", user.roles());
        SortedSet<String> authorities = AccountRules.checkAuthorities(errors, "$.authorities", user.authorities());
        errors.throwIfAny();
        Instant now = accounts.now();
        Account created = accounts.create(
                new Account(
                        user.username(),
                        accounts.hash(user.password()),
                        roles,
                        authorities,
                        user.enabled() == null || user.enabled(),
                        0,
                        null,
                        now,
                        now),
                actor);
        LOG.infof("user %s created by %s (roles %s)", created.username(), actor, created.roles());
        return created;
    }

    /** Changes the account after adding every rule broken to {@code errors}; 404 when none, 409 for the last ADMIN. */
    public Account change(ProblemErrors errors, String username, AccountChange change, String actor) {
        if (change.password() != null) {
            AccountRules.checkPassword(errors, "$.password", change.password(), username, minPasswordLength);
        }
        SortedSet<Role> roles =
                change.roles() == null ? null : AccountRules.checkRoles(errors, "$.roles", change.roles());
        SortedSet<String> authorities = change.authorities() == null
                ? null
                : AccountRules.checkAuthorities(errors, "$.authorities", change.authorities());
        errors.throwIfAny();
        if (accounts.find(username).isEmpty()) {
            throw AccountStore.notFound(username);
        }
        String hash = change.password() == null ? null : accounts.hash(change.password());
        Instant now = accounts.now();
        boolean lift = hash != null || Boolean.TRUE.equals(change.unlock());
        Account changed = accounts.update(
                username,
                before -> new Account(
                        before.username(),
                        hash == null ? before.passwordHash() : hash,
                        roles == null ? before.roles() : roles,
                        authorities == null ? before.authorities() : authorities,
                        change.enabled() == null ? before.enabled() : change.enabled(),
                        lift ? 0 : before.failedAttempts(),
                        lift ? null : before.lockedUntil(),
                        before.createdAt(),
                        now),
                actor);
        LOG.infof("user %s changed by %s (%s)", username, actor, String.join(", ", change.fieldsGiven()));
        return changed;
    }

    /** Deletes the account; 404 when none, 409 for the last enabled ADMIN. */
    public void delete(String username, String actor) {
        accounts.delete(username, actor);
        LOG.infof("user %s deleted by %s", username, actor);
    }
}
