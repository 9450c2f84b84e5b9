package org.placementmatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    private static IllegalStateException thrownHere(String message, Throwable cause) {
        return new IllegalStateException(message, cause);
    }

    @Test
    void namesTypesAndWhereTheyWereThrownButNoMessage() {
        SQLException cause = new SQLException("value 'Child C-17, born 2013-04-04' too long");
        IllegalStateException failure = thrownHere("child C-17 at provider P-3", cause);

        String line = LogSafe.failure(failure);

        assertThat(line)
                .startsWith("java.lang.IllegalStateException at org.placementmatcher.LogSafeTest.thrownHere(")
                .contains(", caused by java.sql.SQLException at org.placementmatcher.LogSafeTest.")
                .doesNotContain("C-17", "born", "P-3", "too long");
    }

    @Test
    void aFailureWithoutAStackIsItsTypeAlone() {
        RuntimeException bare = new RuntimeException("child C-17", null, false, false) {};

        assertThat(LogSafe.failure(bare)).doesNotContain("C-17").doesNotContain(" at ");
    }
}
