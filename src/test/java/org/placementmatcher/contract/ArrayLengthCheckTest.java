package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** Contract section 10: a list too long is refused before the body is built into a tree, not after. */
class ArrayLengthCheckTest {

    private static final int LIMIT = InputLimits.MAX_ARRAY_ENTRIES;

    /** A JSON array of that many entries, each the given text. */
    private static String array(int entries, String entry) {
        return "[" + String.join(",", java.util.Collections.nCopies(entries, entry)) + "]";
    }

    @Test
    void tooManyProvidersIsTheOnlyErrorWithTheValidatorsPathAndWording() {
        // Built as a tree, these empty providers would also each miss every field: refused first, nothing else said.
        String body = "{\"providers\": " + array(LIMIT + 1, "{}") + "}";

        assertRefusedWithOnly(
                body, new ProblemError("$.providers", "has 100001 entries; at most 100,000 are accepted"));
    }

    @Test
    void everyArrayIsBoundedWhereverItIsNested() {
        // Arrays the validator never looks at (an extension field, an array in an array) are bounded too.
        String body = "{\"schemaVersion\": 1, \"pad\": [[1], " + array(LIMIT + 5, "1") + "]}";

        assertRefusedWithOnly(body, new ProblemError("$.pad[1]", "has 100005 entries; at most 100,000 are accepted"));
    }

    private static void assertRefusedWithOnly(String body, ProblemError error) {
        assertThatThrownBy(() -> ProblemReader.read(body))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.reported()).containsExactly(error));
    }

    @Test
    void aMatchBodyNamesTheArrayUnderItsProblem() {
        // Match, emergency and register bodies are read with the contract's mapper and told apart by malformed().
        String body = "{\"problem\": {\"children\": " + array(LIMIT + 1, "\"C\"") + "}, \"childIds\": []}";

        assertThatThrownBy(() -> ContractJson.mapper().readTree(body))
                .isInstanceOfSatisfying(
                        JsonProcessingException.class,
                        e -> assertThat(ProblemReader.malformed(e))
                                .isEqualTo(new ProblemError(
                                        "$.problem.children", "has 100001 entries; at most 100,000 are accepted")));
    }

    @Test
    void stopsAtTheFirstArrayTooLongWithoutReadingOn() {
        // What follows the array (here broken JSON) is not read: the pass ends at the first refusal.
        String body = "{\"a\": " + array(LIMIT + 1, "0") + ", \"b\": " + array(LIMIT + 2, "0") + ", !!!";

        assertThatThrownBy(() -> ProblemReader.read(body))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.reported())
                                .extracting(ProblemError::path)
                                .containsExactly("$.a"));
    }

    @Test
    void anArrayAtTheLimitIsRead() throws JsonProcessingException {
        assertThat(ContractJson.mapper()
                        .readTree("{\"a\": " + array(LIMIT, "{}") + "}")
                        .get("a"))
                .hasSize(LIMIT);
    }
}
