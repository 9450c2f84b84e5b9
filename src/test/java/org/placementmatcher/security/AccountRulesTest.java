package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;

/**
 * A new password's rules: at least placement.security.min-password-length characters (12 unless set, Cyber
 * Essentials' minimum without a deny list of common passwords; the contract sets no password policy; settable from 8
 * to 72), at most 72 bytes, no control characters, not the username.
 */
class AccountRulesTest {

    private static List<ProblemError> problems(String password, int minLength) {
        ProblemErrors errors = new ProblemErrors();
        AccountRules.checkPassword(errors, "$.password", password, "officer-e1", minLength);
        try {
            errors.throwIfAny();
            return List.of();
        } catch (InvalidProblemException e) {
            return e.errors();
        }
    }

    /** The settings, with placement.security.min-password-length as given (null: absent); AccountBootstrapTest too. */
    static Config settings(String minPasswordLength) {
        Map<String, String> values = new HashMap<>();
        if (minPasswordLength != null) {
            values.put(AccountRules.MIN_PASSWORD_LENGTH_PROPERTY, minPasswordLength);
        }
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void byDefaultElevenCharactersAreRefusedAndTwelveAccepted() {
        assertThat(AccountRules.DEFAULT_MIN_PASSWORD_LENGTH).isEqualTo(12);
        assertThat(problems("Abcdefghij1", AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .containsExactly(new ProblemError("$.password", "is too weak: at least 12 characters"));
        assertThat(problems("Abcdefghijk1", AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .isEmpty();
        // Characters, not bytes or UTF-16 units: eleven letters outside the BMP are still eleven.
        assertThat(problems("\uD835\uDC00".repeat(11), AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .hasSize(1);
    }

    @Test
    void aConfiguredMinimumReplacesTheDefault() {
        assertThat(problems("Abcdefg1", 8)).isEmpty();
        assertThat(problems("Abcdef1", 8))
                .containsExactly(new ProblemError("$.password", "is too weak: at least 8 characters"));
        assertThat(problems("Abcdefghijklmn1", 16))
                .containsExactly(new ProblemError("$.password", "is too weak: at least 16 characters"));
        assertThat(problems("Abcdefghijklmno1", 16)).isEmpty();
    }

    @Test
    void theSettingIsTheDefaultWhenAbsentAndAWholeNumberFromEightTo72() {
        assertThat(AccountRules.minPasswordLength(settings(null))).isEqualTo(12);
        assertThat(AccountRules.minPasswordLength(settings("8"))).isEqualTo(8);
        assertThat(AccountRules.minPasswordLength(settings("72"))).isEqualTo(72);
        for (String bad : List.of("7", "73", "abc", "12.5")) {
            assertThatThrownBy(() -> AccountRules.minPasswordLength(settings(bad)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("placement.security.min-password-length must be a whole number from 8 to 72, not '"
                            + bad + "'");
        }
    }

    @Test
    void theOtherRulesStand() {
        int min = AccountRules.DEFAULT_MIN_PASSWORD_LENGTH;
        // The username (10 characters) under a minimum it meets: the default would refuse its length first.
        assertThat(problems("OFFICER-E1", 8))
                .extracting(ProblemError::message)
                .containsExactly("is too weak: it must not be the username");
        assertThat(problems("a".repeat(73), min))
                .extracting(ProblemError::message)
                .containsExactly("must be at most 72 bytes in UTF-8 (bcrypt's limit)");
        assertThat(problems("a".repeat(72), min)).isEmpty();
        assertThat(problems("Abcd\u0000efg1", min))
                .extracting(ProblemError::message)
                .singleElement()
                .asString()
                .startsWith("must not contain control characters");
        assertThat(problems("", min)).extracting(ProblemError::message).containsExactly("is required");
        assertThat(problems(null, min)).extracting(ProblemError::message).containsExactly("is required");
    }
}
