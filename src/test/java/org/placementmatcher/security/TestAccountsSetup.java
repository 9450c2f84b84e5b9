package org.placementmatcher.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.EnumSet;
import java.util.TreeSet;

/**
 * Test profile only (this class lives in src/test): the {@link TestAccounts} in the database at start-up, after
 * the bootstrap (which makes {@code admin} with the test password, %test.placement.bootstrap-admin-password).
 * Accounts already there are left as they are (the in-memory database outlives a restart of the test app).
 */
@ApplicationScoped
public class TestAccountsSetup {

    void onStart(@Observes @Priority(100) StartupEvent event, AccountStore accounts) {
        for (TestAccounts.TestAccount test : TestAccounts.ALL) {
            if (accounts.find(test.username()).isEmpty()) {
                Instant now = accounts.now();
                accounts.create(
                        new Account(
                                test.username(),
                                accounts.hash(TestAccounts.PASSWORD),
                                new TreeSet<>(EnumSet.of(test.role())),
                                new TreeSet<>(test.authorities()),
                                true,
                                0,
                                null,
                                now,
                                now),
                        "test-setup");
            }
        }
    }
}
