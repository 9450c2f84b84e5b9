package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.Account;
import org.placementmatcher.security.Accounts;
import org.placementmatcher.security.Role;

/** add-user: a local account written to the service's database (here an embedded H2 file of the test's own). */
class AddUserCommandTest {

    private final Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    AddUserCommandTest() throws IOException {
        dataDir = Files.createTempDirectory("add-user-test");
    }

    @AfterEach
    void removeDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private int run(String stdin, String... args) {
        return runWith(Map.of(), stdin, args);
    }

    /** add-user with the service's settings in {@code more} too. */
    private int runWith(Map<String, String> more, String stdin, String... args) {
        out.reset();
        err.reset();
        Map<String, String> settings = new HashMap<>(more);
        settings.put("placement.data-dir", dataDir.toString());
        settings.put("placement.security.bcrypt-cost", "4");
        return new CommandLine(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        settings)
                .run(args);
    }

    private Account stored(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            return Accounts.find(c, username).orElseThrow();
        }
    }

    @Test
    void addsAUserWithThePasswordFromStandardInputToAFreshDatabase() throws Exception {
        int exit = run(
                "Officer-password-1\n",
                "add-user",
                "--username",
                "officer-e1",
                "--role",
                "OFFICER",
                "--role",
                "VIEWER",
                "--authority",
                "E10000001",
                "--authority",
                "E10000002",
                "--password-stdin");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("no password printed")
                .isEmpty();
        Account account = stored("officer-e1");
        assertThat(account.roles()).containsExactly(Role.VIEWER, Role.OFFICER);
        assertThat(account.authorities()).containsExactly("E10000001", "E10000002");
        assertThat(account.enabled()).isTrue();
        assertThat(BcryptUtil.matches("Officer-password-1", account.passwordHash()))
                .isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("added user officer-e1");

        assertThat(run(
                        "Officer-password-1\n",
                        "add-user",
                        "--username",
                        "officer-e1",
                        "--role",
                        "OFFICER",
                        "--password-stdin"))
                .as("the name is taken")
                .isEqualTo(CommandLine.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
    }

    @Test
    void withoutAPasswordOneIsMadeAndPrintedOnceOnStandardOutput() throws Exception {
        int exit = run("", "add-user", "--username", "ops.admin@example.org", "--role", "ADMIN");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(printed).hasSize(20).doesNotContain("\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(printed);
        assertThat(BcryptUtil.matches(printed, stored("ops.admin@example.org").passwordHash()))
                .isTrue();
    }

    @Test
    void badInputExits2WithEveryProblemListedAndWritesNothing() throws Exception {
        int exit = run(
                "short\n",
                "add-user",
                "--username",
                "bad:name",
                "--role",
                "OFFICER",
                "--role",
                "CHIEF",
                "--authority",
                "",
                "--password-stdin");

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors)
                .contains("\"path\":\"--username\"")
                .contains("\"path\":\"--role[1]\"")
                .contains("\"path\":\"--authority[0]\"")
                .contains("\"path\":\"--password-stdin\"");
        assertThat(Files.exists(dataDir.resolve("placement.mv.db")))
                .as("the database was not even opened")
                .isFalse();

        assertThat(run("", "add-user", "--username", "x"))
                .as("--role is required")
                .isEqualTo(CommandLine.INVALID);
    }

    /** The administration API's password rule: 12 characters by default, placement.security.min-password-length. */
    @Test
    void aPasswordNeedsTheServicesMinimumOfCharacters() throws Exception {
        String[] addViewer = {"add-user", "--username", "viewer-12", "--role", "VIEWER", "--password-stdin"};
        assertThat(run("Eleven-ch11\n", addViewer)).isEqualTo(CommandLine.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("\"path\":\"--password-stdin\"")
                .contains("at least 12 characters");

        Map<String, String> sixteen = Map.of("placement.security.min-password-length", "16");
        assertThat(runWith(sixteen, "Fifteen-chars15\n", addViewer)).isEqualTo(CommandLine.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 16 characters");

        assertThat(run("Twelve-ch-12\n", addViewer))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(BcryptUtil.matches("Twelve-ch-12", stored("viewer-12").passwordHash()))
                .isTrue();

        Map<String, String> eight = Map.of("placement.security.min-password-length", "8");
        assertThat(runWith(
                        eight,
                        "Eight-08\n",
                        "add-user",
                        "--username",
                        "viewer-8",
                        "--role",
                        "VIEWER",
                        "--password-stdin"))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(BcryptUtil.matches("Eight-08", stored("viewer-8").passwordHash()))
                .isTrue();
    }

    /** A minimum out of its range is the operator's mistake: said plainly, exit 2, nothing written. */
    @Test
    void aMinimumOutsideEightTo72IsRefusedWithItsMessage() {
        Map<String, String> seven = Map.of("placement.security.min-password-length", "7");
        assertThat(runWith(seven, "", "add-user", "--username", "ops", "--role", "ADMIN"))
                .isEqualTo(CommandLine.INVALID);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualToIgnoringNewLines(
                        "error: placement.security.min-password-length must be a whole number from 8 to 72, not '7'");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("no password printed")
                .isEmpty();
        assertThat(Files.exists(dataDir.resolve("placement.mv.db")))
                .as("the database was not even opened")
                .isFalse();
    }

    @Test
    void aDatabaseInUseByTheRunningServiceIsSaidPlainly() throws Exception {
        // Another process holds the H2 file, as a running service does (within one process H2 would share it).
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), url())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8))
                    .isEqualTo("held\n");
            int exit = run("", "add-user", "--username", "someone", "--role", "VIEWER");
            assertThat(exit).isEqualTo(CommandLine.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("in use by another instance")
                    .contains("Stop that instance")
                    .doesNotContain("Exception");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir + "/placement;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    /** Holds the database open until its standard input closes. */
    public static final class HoldDatabase {
        public static void main(String... args) throws Exception {
            try (Connection held = DriverManager.getConnection(args[0], "sa", "")) {
                System.out.print("held\n");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
