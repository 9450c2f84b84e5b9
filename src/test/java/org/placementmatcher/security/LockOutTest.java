package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Five failed sign-ins in a row lock an account for placement.security.lockout; a success resets the count. */
@QuarkusTest
@SignedOutByDefault
class LockOutTest {

    private static final String PASSWORD = "Lock-test-password-1";

    @Inject
    AccountStore accounts;

    @ConfigProperty(name = "placement.security.lockout")
    Duration lockout;

    /** The clock the lock-out reads, moved by the tests. */
    private final AtomicLong offsetSeconds = new AtomicLong();

    @BeforeEach
    void movableClock() {
        QuarkusMock.installMockForType(
                new SecurityClock() {
                    @Override
                    public Instant now() {
                        return Instant.now().plusSeconds(offsetSeconds.get());
                    }
                },
                SecurityClock.class);
    }

    private String newAccount() {
        String username = "lock-" + System.nanoTime();
        Instant now = Instant.now();
        accounts.create(
                new Account(
                        username,
                        accounts.hash(PASSWORD),
                        new TreeSet<>(EnumSet.of(Role.VIEWER)),
                        new TreeSet<>(),
                        true,
                        0,
                        null,
                        now,
                        now),
                "test-setup");
        return username;
    }

    private static int status(String username, String password) {
        return given().auth().preemptive().basic(username, password).get("/").statusCode();
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordUntilTheLockOutHasPassed() {
        String username = newAccount();
        for (int i = 0; i < 4; i++) {
            assertThat(status(username, "Wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(status(username, PASSWORD)).as("four failures do not lock").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(status(username, "Wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(status(username, PASSWORD)).as("locked").isEqualTo(401);
        assertThat(accounts.find(username).orElseThrow().lockedUntil()).isNotNull();

        offsetSeconds.set(lockout.minusSeconds(5).toSeconds());
        assertThat(status(username, PASSWORD))
                .as("still locked just before the end")
                .isEqualTo(401);
        offsetSeconds.set(lockout.plusSeconds(1).toSeconds());
        assertThat(status(username, PASSWORD))
                .as("unlocked once the lock-out has passed")
                .isEqualTo(200);
        Account after = accounts.find(username).orElseThrow();
        assertThat(after.failedAttempts()).isZero();
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void aSuccessResetsTheCount() {
        String username = newAccount();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(status(username, "Wrong-password-" + i)).isEqualTo(401);
            }
            assertThat(status(username, PASSWORD)).isEqualTo(200);
        }
    }

    @Test
    void theFormSignInCountsAndIsLockedToo() {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            SignInTest.signIn(username, "Wrong-password-" + i).then().statusCode(302);
        }
        assertThat(SignInTest.signIn(username, PASSWORD).getHeader("Location")).endsWith("/sign-in?error");
        offsetSeconds.set(lockout.plusSeconds(1).toSeconds());
        assertThat(SignInTest.signIn(username, PASSWORD).getHeader("Location")).doesNotContain("error");
    }

    @Test
    void anAdministratorsNewPasswordLiftsTheLock() {
        String username = newAccount();
        for (int i = 0; i < 5; i++) {
            status(username, "Wrong-password-" + i);
        }
        TestAccounts.as(TestAccounts.ADMIN)
                .contentType("application/json")
                .body("{\"password\":\"Another-password-2\"}")
                .patch("/api/admin/users/" + username)
                .then()
                .statusCode(200)
                .body("lockedUntil", org.hamcrest.Matchers.nullValue());
        assertThat(status(username, "Another-password-2")).isEqualTo(200);
    }
}
