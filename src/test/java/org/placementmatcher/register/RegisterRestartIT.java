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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementProblem;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar), started, stopped and started again
 * against the same database: the embedded H2 file in a data directory of the test's own, or
 * PostgreSQL when the build is given placement.db.* properties (.ci/run's PostgreSQL leg). The
 * register, finished runs, decisions and the audit log survive; a run cut short by a shutdown comes back
 * INTERRUPTED and can be restarted; one cut short by the process being killed is taken over when it starts again. Every start has
 * PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD: the first makes {@code admin}, who creates the users the calls are made as.
 */
class RegisterRestartIT {

    private final Path dataDir;
    private final Path log;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private Process service;
    private int port;
    /** The user the calls are made as (HTTP Basic), created by the bootstrap admin; null: admin itself. */
    private String user;

    private boolean adminAdded;

    /** The bootstrap administrator's password, given to every start (used only on the first, with no user). */
    private static final String ADMIN_PASSWORD = "Restart-admin-password-1";

    private static final String USER_PASSWORD = "Restart-user-password-1";

    RegisterRestartIT() throws IOException {
        dataDir = Files.createTempDirectory("placement-restart-it");
        log = Path.of("target", "restart-it-" + suffix + ".log");
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void registerRunsAndDecisionsSurviveARestartAndInterruptedRunsCanBeRestarted() throws Exception {
        String authority = "RS-" + suffix;
        String big = "RSB-" + suffix;
        start();
        user = createUser("restart-director-" + suffix, "DIRECTOR", authority, big);
        String stepDown = RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, authority);
        api().contentType(ContentType.JSON)
                .body(stepDown)
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
        api().contentType(ContentType.JSON)
                .body(RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), big))
                .put("/api/register/" + big)
                .then()
                .statusCode(200);
        String done = startRun(authority, 2);
        JsonPath finished = waitWhileSolving(authority, done, Duration.ofSeconds(60));
        assertThat(finished.getString("status")).isEqualTo("DONE");
        decide(authority, done, "C1", "ACCEPT");
        decide(authority, done, "C3", "REJECT");
        PlacementProblem registerBefore =
                RegisterFixtures.problem(api().get("/api/register/" + authority).asString());
        List<Object> auditBefore =
                api().get("/api/register/" + authority + "/audit").jsonPath().getList("$");
        String long1 = startRun(big, 300);
        waitForProgress(big, long1);

        stopGracefully();
        start();

        assertThat(RegisterFixtures.problem(
                        api().get("/api/register/" + authority).asString()))
                .isEqualTo(registerBefore);
        assertThat(registerBefore.children().getFirst().currentPlacement()).isEqualTo("F1");
        assertThat(api().get("/api/register/" + authority + "/audit").jsonPath().getList("$"))
                .isEqualTo(auditBefore);
        JsonPath again = view(authority, done);
        assertThat(again.getString("status")).isEqualTo("DONE");
        assertThat(again.getString("score")).isEqualTo(finished.getString("score"));
        assertThat(again.getString("plan")).isEqualTo(finished.getString("plan"));
        assertThat(again.getString("changes.find { it.childId == 'C1' }.decision.decision"))
                .isEqualTo("ACCEPT");
        assertThat(again.getString("changes.find { it.childId == 'C3' }.decision.decision"))
                .isEqualTo("REJECT");
        assertThat(again.getString("changes.find { it.childId == 'C2' }.decision"))
                .isNull();
        decideRefused(authority, done, "C1");

        JsonPath interrupted = view(big, long1);
        assertThat(interrupted.getString("status")).isEqualTo("INTERRUPTED");
        assertThat(interrupted.getString("plan.score"))
                .as("the best plan so far is kept")
                .isNotNull();
        assertThat(api().get("/api/register/" + big + "/runs/" + long1 + "/audit")
                        .jsonPath()
                        .getList("action"))
                .containsExactly("RUN_STARTED", "RUN_INTERRUPTED");
        api().queryParam("seconds", 2)
                .post("/api/register/" + big + "/runs/" + long1 + "/restart")
                .then()
                .statusCode(202);
        JsonPath restarted = waitWhileSolving(big, long1, Duration.ofSeconds(60));
        assertThat(restarted.getString("status")).isEqualTo("DONE");
        assertThat(restarted.getInt("attempts")).isEqualTo(2);
        assertThat(restarted.getList("changes")).isNotEmpty();

        // A crash (the process killed, no shutdown at all): the run's job is still in the job store, so the service
        // started again takes the run over (its second attempt) once Quartz finds the dead instance's check-ins
        // stopped, instead of the sweep marking it INTERRUPTED; stopped early here, it ends DONE.
        String long2 = startRun(big, 300);
        waitForProgress(big, long2);
        service.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        start("-Dplacement.runs.stale-after=PT2S", "-Dplacement.runs.sweep-every=1s");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (view(big, long2).getInt("attempts") < 2 && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        JsonPath takenOver = view(big, long2);
        assertThat(takenOver.getString("status")).isEqualTo("SOLVING");
        assertThat(takenOver.getInt("attempts")).isEqualTo(2);
        api().delete("/api/register/" + big + "/runs/" + long2).then().statusCode(200);
        assertThat(waitWhileSolving(big, long2, Duration.ofSeconds(60)).getString("status"))
                .isEqualTo("DONE");
        assertThat(view(authority, done).getString("status")).isEqualTo("DONE");
        assertThat(RegisterFixtures.problem(
                        api().get("/api/register/" + authority).asString()))
                .isEqualTo(registerBefore);
        stopGracefully();
    }

    /**
     * A fresh service (its own data directory) with PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD: admin signs in with it and
     * creates an OFFICER for one authority, who loads a register and asks for a match, all with HTTP Basic; a call
     * without credentials gets 401.
     */
    @Test
    void theBootstrapAdminCreatesAnOfficerWhoLoadsARegisterAndAsksForAMatch() throws Exception {
        // A fresh start is a fresh data directory: the embedded database. The PostgreSQL leg's database already
        // holds the in-process tests' accounts, so no bootstrap happens there.
        org.junit.jupiter.api.Assumptions.assumeFalse(onPostgresql(), "a fresh start needs an empty database");
        String authority = "RB-" + suffix;
        start();
        given().baseUri("http://localhost:" + port)
                .get("/api/admin/users")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Placement Matcher\"");
        user = createUser("restart-officer-" + suffix, "OFFICER", authority);

        api().contentType(ContentType.JSON)
                .body(RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, authority))
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
        JsonPath match = api().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C1\"]}")
                .post("/api/register/" + authority + "/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(match.getList("options")).isNotEmpty();
        given().baseUri("http://localhost:" + port)
                .auth()
                .preemptive()
                .basic(user, "Wrong-password-99")
                .get("/api/register/" + authority)
                .then()
                .statusCode(401);
        stopGracefully();
    }

    /**
     * A user made by an administrator through the user administration API: the bootstrap {@code admin} on a fresh
     * embedded database, or on the PostgreSQL leg (whose database already has users) one added by the operators'
     * {@code add-user} command, as an operator would.
     */
    private String createUser(String username, String role, String... authorities) {
        given().baseUri("http://localhost:" + port)
                .auth()
                .preemptive()
                .basic(admin(), ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "password",
                        USER_PASSWORD,
                        "roles",
                        List.of(role),
                        "authorities",
                        List.of(authorities)))
                .post("/api/admin/users")
                .then()
                .statusCode(201);
        return username;
    }

    private RequestSpecification api() {
        RequestSpecification api = given().baseUri("http://localhost:" + port);
        return user == null
                ? api.auth().preemptive().basic(admin(), ADMIN_PASSWORD)
                : api.auth().preemptive().basic(user, USER_PASSWORD);
    }

    private static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("placement.db.kind"));
    }

    /** The administrator the test acts as (added once with the add-user command on PostgreSQL). */
    private String admin() {
        if (!onPostgresql()) {
            return "admin";
        }
        try {
            return addedAdmin();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("add-user could not be run", e);
        }
    }

    private String addedAdmin() throws java.io.IOException, InterruptedException {
        String name = "restart-admin-" + suffix;
        if (!adminAdded) {
            List<String> command = new ArrayList<>(List.of(javaCommand()));
            command.addAll(databaseSettings());
            command.addAll(List.of(
                    "-jar",
                    Path.of("target", "quarkus-app", "quarkus-run.jar").toString(),
                    "add-user",
                    "--username",
                    name,
                    "--role",
                    "ADMIN",
                    "--password-stdin"));
            Process add = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try (var stdin = add.getOutputStream()) {
                stdin.write((ADMIN_PASSWORD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(add.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(add.exitValue()).as("add-user; see " + log).isZero();
            adminAdded = true;
        }
        return name;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The PostgreSQL leg: the same database settings as the build was given. */
    private static List<String> databaseSettings() {
        List<String> settings = new ArrayList<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("placement.db.")) {
                settings.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return settings;
    }

    private String startRun(String authority, int seconds) {
        return api().queryParam("seconds", seconds)
                .post("/api/register/" + authority + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private JsonPath view(String authority, String id) {
        return api().get("/api/register/" + authority + "/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath waitWhileSolving(String authority, String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonPath view = view(authority, id);
        while (List.of("QUEUED", "SOLVING").contains(view.getString("status")) && System.nanoTime() < end) {
            Thread.sleep(200);
            view = view(authority, id);
        }
        return view;
    }

    /** Waits until the run is solving and has kept a best plan (progress is saved every second in these runs). */
    private void waitForProgress(String authority, String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (view(authority, id).getString("plan.score") == null && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(view(authority, id).getString("status")).isEqualTo("SOLVING");
    }

    private void decide(String authority, String run, String childId, String decision) {
        api().contentType(ContentType.JSON)
                .body(Map.of("childId", childId, "decision", decision, "reason", "restart test"))
                .post("/api/register/" + authority + "/runs/" + run + "/decisions")
                .then()
                .statusCode(200);
    }

    private void decideRefused(String authority, String run, String childId) {
        api().contentType(ContentType.JSON)
                .body(Map.of("childId", childId, "decision", "REJECT", "reason", "again"))
                .post("/api/register/" + authority + "/runs/" + run + "/decisions")
                .then()
                .statusCode(409);
    }

    private void start(String... extra) throws Exception {
        port = freePort();
        String java = javaCommand();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-Dquarkus.http.port=" + port,
                "-Dplacement.data-dir=" + dataDir,
                "-Dplacement.runs.cron=off",
                "-Dplacement.runs.progress-every=PT1S"));
        command.addAll(databaseSettings());
        command.addAll(List.of(extra));
        command.addAll(List.of(
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PLACEMENT_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        service = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited (" + service.exitValue() + "); see " + log);
            }
            try {
                if (given().baseUri("http://localhost:" + port)
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
        throw new AssertionError("the service did not become ready; see " + log);
    }

    private void stopGracefully() throws InterruptedException {
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute")
                .isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
