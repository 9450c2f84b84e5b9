package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the packaged service (target/quarkus-app/quarkus-run.jar) on one fresh PostgreSQL database,
 * made on the server the build was given (.ci/run's PostgreSQL leg: placement.db.*): ten registers' overnight runs
 * started by an administrator are spread over the instances by Quartz's clustered job store; the instance executing
 * a run is killed (SIGKILL) while it solves, and another takes the run over. Every register ends with exactly one
 * run, DONE, and no job is left in the job store. Skipped without PostgreSQL (the embedded H2 file admits one
 * instance).
 */
class RunsClusterIT {

    private static final String ADMIN_PASSWORD = "Cluster-admin-password-1";
    private static final String OFFICER_PASSWORD = "Cluster-officer-password-1";
    private static final int REGISTERS = 10;
    private static final int RUN_SECONDS = 10;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String database = "placement_cluster_" + suffix;
    private final Map<String, Process> instances = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private String jdbcUrl;

    @AfterEach
    void stop() throws Exception {
        for (Process instance : instances.values()) {
            instance.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (jdbcUrl != null) {
            try (Connection server = server();
                    Statement drop = server.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
        for (Path dir : dataDirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void tenRegistersOvernightRunsCompleteOnceEachAcrossThreeInstancesThoughOneIsKilledMidRun() throws Exception {
        Assumptions.assumeTrue(
                "postgresql".equals(System.getProperty("placement.db.kind")),
                "several instances share a PostgreSQL database; the build was given none");
        try (Connection server = server();
                Statement create = server.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        }
        jdbcUrl = System.getProperty("placement.db.url").replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);

        // The first instance migrates the database and makes the bootstrap admin; then the other two.
        start("node-1");
        start("node-2");
        start("node-3");
        awaitReady("node-1");
        awaitReady("node-2");
        awaitReady("node-3");

        List<String> authorities = new ArrayList<>();
        for (int i = 1; i <= REGISTERS; i++) {
            authorities.add("CL" + i + "-" + suffix);
        }
        admin("node-1")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        "cluster-officer-" + suffix,
                        "password",
                        OFFICER_PASSWORD,
                        "roles",
                        List.of("OFFICER"),
                        "authorities",
                        authorities))
                .post("/api/admin/users")
                .then()
                .statusCode(201);
        List<String> nodes = List.of("node-1", "node-2", "node-3");
        for (int i = 0; i < REGISTERS; i++) {
            String authority = authorities.get(i);
            officer(nodes.get(i % 3)) // any instance answers
                    .contentType(ContentType.JSON)
                    .body(RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), authority))
                    .put("/api/register/" + authority)
                    .then()
                    .statusCode(200);
        }

        JsonPath started = admin("node-2")
                .queryParam("seconds", RUN_SECONDS)
                .post("/api/admin/overnight")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        Map<String, String> runs = new LinkedHashMap<>();
        for (int i = 0; i < started.getList("runs").size(); i++) {
            runs.put(started.getString("runs[" + i + "].authority"), started.getString("runs[" + i + "].id"));
        }
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(authorities);

        // Kill the instance executing a run while it solves (it has kept a best plan already). The database is
        // watched directly: every HTTP call pays for a bcrypt check.
        String victimAuthority = null;
        String victim = null;
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (victim == null && System.nanoTime() < end) {
            List<String> solving = query("SELECT authority, executed_by FROM plan_run WHERE status = 'SOLVING'"
                    + " AND started_at IS NOT NULL AND plan_json IS NOT NULL");
            if (!solving.isEmpty()) {
                victimAuthority = solving.getFirst().split("\t")[0];
                victim = solving.getFirst().split("\t")[1];
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(victim).as("a run solving with a best plan kept").isNotNull();
        instances.get(victim).destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        String killed = victim;
        String survivor =
                nodes.stream().filter(n -> !n.equals(killed)).findFirst().orElseThrow();

        // Every run ends, the victim's taken over by another instance.
        end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < end
                && !query("SELECT run_id FROM plan_run WHERE status = 'SOLVING'")
                        .isEmpty()) {
            Thread.sleep(500);
        }
        Set<String> executedBy = new HashSet<>();
        for (String authority : authorities) {
            List<Map<String, Object>> list = officer(survivor)
                    .get("/api/register/" + authority + "/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            assertThat(list).as("the runs of " + authority).hasSize(1);
            JsonPath run = view(survivor, authority, runs.get(authority));
            assertThat(run.getString("status")).as("the run of " + authority).isEqualTo("DONE");
            assertThat(run.getList("plan.assignments"))
                    .as("the plan of " + authority)
                    .isNotEmpty();
            executedBy.add(run.getString("executedBy"));
        }
        assertThat(executedBy).as("the instances that executed the runs").hasSizeGreaterThanOrEqualTo(2);
        JsonPath takenOver = view(survivor, victimAuthority, runs.get(victimAuthority));
        assertThat(takenOver.getString("executedBy")).isNotEqualTo(victim);
        assertThat(takenOver.getInt("attempts")).isEqualTo(2);
        assertThat(officer(survivor)
                        .get("/api/register/" + victimAuthority + "/runs/" + runs.get(victimAuthority) + "/audit")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("action"))
                .containsExactly("RUN_STARTED", "RUN_FINISHED");
        assertThat(query("SELECT job_name FROM qrtz_job_details WHERE job_group = '" + RunJobs.RUNS + "'"))
                .as("run jobs left in the job store")
                .isEmpty();
        // Match queries are answered by any instance still running.
        String firstChild = officer(survivor)
                .get("/api/register/" + authorities.getFirst() + "/children")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("find { it.currentPlacement == null }.id");
        for (String node : nodes) {
            if (!node.equals(victim)) {
                officer(node)
                        .contentType(ContentType.JSON)
                        .body("{\"childIds\": [\"" + firstChild + "\"]}")
                        .post("/api/register/" + authorities.getFirst() + "/match")
                        .then()
                        .statusCode(200);
            }
        }
    }

    /** The rows of a query on the test's database, their columns joined by tabs. */
    private List<String> query(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser(), "");
                Statement select = db.createStatement();
                ResultSet rs = select.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "\t" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private JsonPath view(String node, String authority, String id) {
        return officer(node)
                .get("/api/register/" + authority + "/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private RequestSpecification admin(String node) {
        return given().baseUri("http://localhost:" + ports.get(node))
                .auth()
                .preemptive()
                .basic("admin", ADMIN_PASSWORD);
    }

    private RequestSpecification officer(String node) {
        return given().baseUri("http://localhost:" + ports.get(node))
                .auth()
                .preemptive()
                .basic("cluster-officer-" + suffix, OFFICER_PASSWORD);
    }

    private static String dbUser() {
        return System.getProperty("placement.db.user", "postgres");
    }

    /** The PostgreSQL server's maintenance database, to create and drop the test's own. */
    private static Connection server() throws SQLException {
        Matcher url = Pattern.compile("^(jdbc:postgresql://[^/]+)/").matcher(System.getProperty("placement.db.url"));
        if (!url.find()) {
            throw new IllegalStateException("placement.db.url names no PostgreSQL server");
        }
        return DriverManager.getConnection(url.group(1) + "/postgres", dbUser(), "");
    }

    private void start(String node) throws Exception {
        int port = freePort();
        Path dataDir = Files.createTempDirectory("placement-cluster-it");
        dataDirs.add(dataDir);
        Path log = Path.of("target", "cluster-it-" + suffix + "-" + node + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dplacement.data-dir=" + dataDir,
                "-Dplacement.instance.id=" + node,
                "-Dplacement.runs.cron=off",
                "-Dplacement.runs.progress-every=PT1S",
                "-Dplacement.db.kind=postgresql",
                "-Dplacement.db.url=" + jdbcUrl,
                "-Dplacement.db.user=" + dbUser(),
                "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        instances.put(
                node,
                builder.redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start());
        ports.put(node, port);
        if (node.equals("node-1")) {
            awaitReady(node);
        }
    }

    private void awaitReady(String node) throws InterruptedException {
        Process service = instances.get(node);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            if (!service.isAlive()) {
                throw new AssertionError(node + " exited (" + service.exitValue() + "); see target/cluster-it-*.log");
            }
            try {
                if (given().baseUri("http://localhost:" + ports.get(node))
                                .get("/q/health/ready")
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node + " did not become ready; see target/cluster-it-*.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
