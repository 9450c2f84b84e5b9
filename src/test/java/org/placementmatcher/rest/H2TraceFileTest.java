package org.placementmatcher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's trace file would keep every failed statement, with the ids of rejected children and stack traces:
 * the embedded database is configured with it off.
 */
class H2TraceFileTest {

    private static final String URL_KEY = "quarkus.datasource.embedded.jdbc.url";

    @Test
    void theConfiguredDatabaseWritesNoTraceFile(@TempDir Path dataDir) throws Exception {
        failAStatement(configuredUrl(dataDir));

        assertThat(traceFiles(dataDir)).isEmpty();
    }

    @Test
    void withoutTheSettingAFailedStatementIsTraced(@TempDir Path dataDir) throws Exception {
        // The control: this test would pass for nothing if H2 wrote no trace file anyway.
        failAStatement(configuredUrl(dataDir).replace(";TRACE_LEVEL_FILE=0", ""));

        assertThat(traceFiles(dataDir)).isNotEmpty();
    }

    private static String configuredUrl(Path dataDir) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = H2TraceFileTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty(URL_KEY);
        assertThat(url).contains(";TRACE_LEVEL_FILE=0");
        return url.replace("${placement.data-dir}", dataDir.toString().replace('\\', '/'));
    }

    private static void failAStatement(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT child_id FROM no_such_table WHERE child_id = 'C-REJECTED'");
        } catch (SQLException expected) {
            // the statement fails; what matters is what H2 wrote about it
        }
    }

    private static java.util.List<Path> traceFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".trace.db"))
                    .toList();
        }
    }
}
