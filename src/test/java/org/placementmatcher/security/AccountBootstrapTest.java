package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.placementmatcher.LogCapture;

/** The first administrator, on a start with no user: the configured password, or a random one printed once. */
class AccountBootstrapTest {

    /** The store without a database: accounts in a list. */
    static final class InMemoryStore extends AccountStore {
        final List<Account> accounts = new ArrayList<>();

        InMemoryStore() {
            super(null, new SecurityClock(), 4, Duration.ofMinutes(15));
        }

        @Override
        public long count() {
            return accounts.size();
        }

        @Override
        public synchronized Account create(Account account, String actor) {
            accounts.add(account);
            return account;
        }

        @Override
        public Optional<Account> find(String username) {
            return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    }

    /** The bootstrap with the default password rule (placement.security.min-password-length, 12). */
    private static AccountBootstrap bootstrap(AccountStore store, Optional<String> password) {
        return new AccountBootstrap(store, password, AccountRules.DEFAULT_MIN_PASSWORD_LENGTH);
    }

    /** The messages AccountBootstrap logs at WARN or above while {@code action} runs. */
    private static List<String> warningsWhile(Runnable action) {
        return LogCapture.recordsWhile(AccountBootstrap.class, Level.WARNING, action).stream()
                .map(LogRecord::getMessage)
                .toList();
    }

    /** A password below the configured minimum is still admin's (the operator chose it), with a warning. */
    @Test
    void aPasswordShorterThanTheConfiguredMinimumIsUsedWithAWarning() {
        InMemoryStore store = new InMemoryStore();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        List<String> warnings =
                warningsWhile(() -> new AccountBootstrap(store, Optional.of("Fifteen-chars15"), 16).bootstrap(out));

        assertThat(BcryptUtil.matches(
                        "Fifteen-chars15", store.find("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("at least 16 characters")
                .contains("placement.security.min-password-length")
                .doesNotContain("Fifteen-chars15");

        // By default (12) the same password breaks no rule: no warning.
        assertThat(warningsWhile(() -> bootstrap(new InMemoryStore(), Optional.of("Fifteen-chars15"))
                        .bootstrap(out)))
                .isEmpty();
    }

    /** Made at start-up: a minimum out of its range stops the service there, with the setting's message. */
    @Test
    void aMinimumOutOfItsRangeStopsTheStart() {
        assertThatThrownBy(() ->
                        new AccountBootstrap(new InMemoryStore(), Optional.empty(), AccountRulesTest.settings("73")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("placement.security.min-password-length must be a whole number from 8 to 72, not '73'");
    }

    @Test
    void withTheEnvironmentsPasswordAdminIsCreatedAndNothingIsPrinted() {
        InMemoryStore store = new InMemoryStore();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean created = bootstrap(store, Optional.of("Bootstrap-password-1"))
                .bootstrap(new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(created).isTrue();
        Account admin = store.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.authorities()).isEmpty();
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.passwordHash()).startsWith("$2").doesNotContain("Bootstrap-password-1");
        assertThat(BcryptUtil.matches("Bootstrap-password-1", admin.passwordHash()))
                .isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutOneARandomPasswordIsPrintedOnceAndIsAdminsPassword() {
        InMemoryStore store = new InMemoryStore();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        bootstrap(store, Optional.empty()).bootstrap(new PrintStream(console, true, StandardCharsets.UTF_8));

        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher password = Pattern.compile("(?m)^    (\\S{20})$").matcher(printed);
        assertThat(password.find()).as(printed).isTrue();
        assertThat(password.find()).as("printed once").isFalse();
        password.reset().find();
        assertThat(BcryptUtil.matches(
                        password.group(1), store.find("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(printed).contains("shown only this once");

        // A blank variable is no password: random again.
        InMemoryStore other = new InMemoryStore();
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        bootstrap(other, Optional.of("  ")).bootstrap(new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("shown only this once");
    }

    @Test
    void withAnyUserAlreadyThereNothingHappens() {
        InMemoryStore store = new InMemoryStore();
        Instant now = Instant.now();
        store.create(
                new Account(
                        "someone",
                        "$2a$04$x",
                        new java.util.TreeSet<>(List.of(Role.ADMIN)),
                        new java.util.TreeSet<>(),
                        true,
                        0,
                        null,
                        now,
                        now),
                "test-setup");
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean created =
                bootstrap(store, Optional.empty()).bootstrap(new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(created).isFalse();
        assertThat(store.accounts).hasSize(1);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
