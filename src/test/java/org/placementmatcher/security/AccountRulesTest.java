package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;

/**
 * A new password's rules: at least placement.security.min-password-length characters (8 unless set, NIST SP
 * 800-63B's minimum; the contract sets no password policy), at most 72 bytes, no control characters, not the
 * username.
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

    @Test
    void byDefaultSevenCharactersAreRefusedAndEightAccepted() {
        assertThat(AccountRules.DEFAULT_MIN_PASSWORD_LENGTH).isEqualTo(8);
        assertThat(problems("Abcdef1", AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .containsExactly(new ProblemError("$.password", "is too weak: at least 8 characters"));
        assertThat(problems("Abcdefg1", AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .isEmpty();
        // Characters, not bytes or UTF-16 units: seven letters outside the BMP are still seven.
        assertThat(problems("\uD835\uDC00".repeat(7), AccountRules.DEFAULT_MIN_PASSWORD_LENGTH))
                .hasSize(1);
    }

    @Test
    void aLargerConfiguredMinimumRefusesWhatTheDefaultAccepts() {
        assertThat(problems("Abcdefg1", 12))
                .containsExactly(new ProblemError("$.password", "is too weak: at least 12 characters"));
        assertThat(problems("Abcdefghij1", 12)).hasSize(1);
        assertThat(problems("Abcdefghijk1", 12)).isEmpty();
    }

    @Test
    void theOtherRulesStand() {
        int min = AccountRules.DEFAULT_MIN_PASSWORD_LENGTH;
        assertThat(problems("OFFICER-E1", min))
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
