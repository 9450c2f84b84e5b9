package org.placementmatcher.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class DataDirectoryInUseTest {

    private static SQLException h2Locked(String file) {
        return new SQLException(
                "Database may be already in use: \"" + file + "\". Possible solutions: close all other"
                        + " connection(s); use the server mode [90020-240]",
                "90020",
                ErrorCode.DATABASE_ALREADY_OPEN_1);
    }

    @Test
    void aLockedDatabaseFileIsOneLineNamingTheDataDirectory() {
        Throwable failure = new RuntimeException(
                "Failed to start quarkus",
                new IllegalStateException(
                        "Unable to obtain connection from database", h2Locked("/srv/placement/data/placement.mv.db")));

        assertThat(DataDirectoryInUse.message(failure))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains(
                                "the data directory /srv/placement/data is in use by another instance",
                                "PLACEMENT_DATA_DIR")
                        .doesNotContain("\n", "Exception", "90020", "placement.mv.db"));
    }

    @Test
    void aWindowsPathIsNamedToo() {
        assertThat(DataDirectoryInUse.message(h2Locked("C:\\placement\\data\\placement.mv.db")))
                .hasValueSatisfying(
                        message -> assertThat(message).contains("the data directory C:\\placement\\data is in use"));
    }

    @Test
    void anyOtherFailureIsLeftAsItIs() {
        assertThat(DataDirectoryInUse.message(new SQLException("Wrong user name or password", "28000", 28000)))
                .isEmpty();
        assertThat(DataDirectoryInUse.message(new IllegalStateException("boom")))
                .isEmpty();
    }
}
