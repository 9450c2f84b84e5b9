package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void freeTextMayBeTwoThousandCharactersAndCodesOneHundred() {
        assertThat(TextRules.freeTextProblem("r".repeat(2000))).isNull();
        assertThat(TextRules.freeTextProblem("r".repeat(2001))).isEqualTo("must be at most 2000 characters");
        assertThat(TextRules.codeProblem("c".repeat(100))).isNull();
        assertThat(TextRules.codeProblem("c".repeat(101))).isEqualTo("must be at most 100 characters");
        assertThatThrownBy(() -> TextRules.requireFreeText("$.reason", "a\u0000b"))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new ProblemError(
                                        "$.reason", "must not contain control characters (U+0000 at character 2)")));
    }

    @Test
    void surrogatePairsAreOneCharacterAndLoneOnesRefused() {
        assertThat(TextRules.codeProblem("\uD83D\uDE00".repeat(100))).isNull();
        assertThat(TextRules.codeProblem("\uD83D\uDE00".repeat(101))).isNotNull();
        assertThat(TextRules.codeProblem("a\uD83D")).contains("unpaired surrogate");
        assertThat(TextRules.codeProblem("\uDE00a")).contains("unpaired surrogate");
    }

    @Test
    void quotesAreShortAndShowNoRawControlCharacters() {
        assertThat(TextRules.quote("x".repeat(1000)))
                .hasSize(TextRules.MAX_QUOTED_LENGTH + 3)
                .endsWith("…'");
        assertThat(TextRules.quote("a\u0000b")).isEqualTo("'a\\u0000b'");
    }

    @Test
    void bodiesAreDecodedStrictly() {
        assertThat(ContractJson.decode("{\"id\": \"Zoë\"}".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("{\"id\": \"Zoë\"}");
        // A lone continuation byte, an overlong '/', an encoded surrogate (CESU-8): never silently replaced.
        for (byte[] bad : new byte[][] {
            {'"', (byte) 0x80, '"'},
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}
        }) {
            assertThatThrownBy(() -> ContractJson.decode(bad, null))
                    .isInstanceOfSatisfying(
                            InvalidProblemException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(new ProblemError(
                                            "$", "the body is not valid UTF-8: an invalid byte sequence at byte 2")));
        }
    }
}
