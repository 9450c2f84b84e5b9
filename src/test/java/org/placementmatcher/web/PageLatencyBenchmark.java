package org.placementmatcher.web;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.SignedOutByDefault;
import org.placementmatcher.security.TestAccounts;

/**
 * A harness, not a test: the server time of every web page on the region dataset (5,000 children, 4,000
 * providers), p50/p95/max over repeated requests by a signed-in director, after one run of the register, and the
 * time of the first request (before the warm-up, so what the first person to open the page waits). Off unless
 * asked for: {@code ./mvnw test -Dtest=PageLatencyBenchmark -Dpage.benchmark.requests=40}. Prints a Markdown
 * table and writes it under {@code target/benchmark/}; the figures of record are in solver-config/BENCHMARKS.md
 * ("Web pages").
 * Time is measured at the client over loopback, so it bounds the server time from above.
 */
@QuarkusTest
@SignedOutByDefault
@TestProfile(PageLatencyBenchmark.RegionBodies.class)
@EnabledIfSystemProperty(named = "page.benchmark.requests", matches = "\\d+")
class PageLatencyBenchmark {

    private static final String AUTHORITY = "E10000003";
    private static final int RUN_SECONDS = 30;

    /** The region register is some 5 MB of JSON. */
    public static class RegionBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64M", "quarkus.http.test-timeout", "10m");
        }
    }

    @Test
    void timeEveryPageOnTheRegionRegister() throws IOException {
        int requests = Integer.getInteger("page.benchmark.requests");
        String region = Files.readString(Path.of("sample-data", "region.json"));
        JsonNode problem = ContractJson.mapper().readTree(region);
        String authority = problem.path("homeAuthority").asText(AUTHORITY);
        TestAccounts.as(TestAccounts.DIRECTOR)
                .contentType(ContentType.JSON)
                .body(region)
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
        String runId = finishedRun(authority);
        String waiting = firstChild(problem, false);
        String placed = firstChild(problem, true);
        String provider = problem.path("providers").path(0).path("id").asText();

        String base = "/registers/" + authority;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("overview", base);
        pages.put("children", base + "/children");
        pages.put("children, page 40", base + "/children?page=40");
        pages.put("providers", base + "/providers");
        pages.put("providers, free places, page 20", base + "/providers?free=yes&page=20");
        pages.put("child", base + "/children/" + placed);
        pages.put("provider", base + "/providers/" + provider);
        pages.put("upload", base + "/upload");
        pages.put("find", base + "/find");
        pages.put("find: options", base + "/find?child=" + waiting);
        pages.put("emergency", base + "/emergency");
        pages.put("emergency: options", base + "/emergency?child=" + waiting);
        pages.put("runs", base + "/runs");
        pages.put("run review", base + "/runs/" + runId);
        pages.put("run review, page 10", base + "/runs/" + runId + "?page=10");
        pages.put("sufficiency", base + "/sufficiency");
        pages.put("users", "/users");

        String session = signIn(TestAccounts.DIRECTOR);
        String adminSession = signIn(TestAccounts.ADMIN);
        List<String> lines = new ArrayList<>();
        lines.add("Web pages on sample-data/region.json ("
                + problem.path("children").size() + " children, "
                + problem.path("providers").size() + " providers), " + requests + " requests each after 3 warm-up, "
                + Instant.now() + ", load " + loadAverage());
        lines.add("");
        lines.add("| page | status | first ms | p50 ms | p95 ms | max ms | KB |");
        lines.add("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String cookie = page.getValue().equals("/users") ? adminSession : session;
            lines.add(measure(page.getKey(), page.getValue(), cookie, requests));
        }
        lines.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "pages.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private static String measure(String name, String path, String cookie, int requests) {
        int status = 0;
        long bytes = 0;
        long firstStart = System.nanoTime();
        get(path, cookie);
        double first = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 2; i++) {
            get(path, cookie);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            Response response = get(path, cookie);
            millis[i] = (System.nanoTime() - start) / 1e6;
            status = response.statusCode();
            bytes = response.asByteArray().length;
        }
        Arrays.sort(millis);
        return String.format(
                Locale.ROOT,
                "| %s (`%s`) | %d | %.0f | %.0f | %.0f | %.0f | %.0f |",
                name,
                path.replaceAll("/registers/[^/]+", "/registers/{a}").replaceAll("/runs/[0-9a-f-]{36}", "/runs/{id}"),
                status,
                first,
                percentile(millis, 0.50),
                percentile(millis, 0.95),
                millis[millis.length - 1],
                bytes / 1024.0);
    }

    private static Response get(String path, String cookie) {
        return given().redirects()
                .follow(false)
                .cookie("quarkus-credential", cookie)
                .get(path);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String signIn(String username) {
        return given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", username)
                .formParam("password", TestAccounts.PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie("quarkus-credential");
    }

    private static String finishedRun(String authority) {
        String id = TestAccounts.as(TestAccounts.DIRECTOR)
                .queryParam("seconds", RUN_SECONDS)
                .post("/api/register/" + authority + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        for (int i = 0; i < 600; i++) {
            String status = TestAccounts.as(TestAccounts.DIRECTOR)
                    .get("/api/register/" + authority + "/runs/" + id)
                    .then()
                    .extract()
                    .path("status");
            if ("DONE".equals(status)) {
                return id;
            }
            sleep();
        }
        throw new IllegalStateException("the run did not finish");
    }

    private static String firstChild(JsonNode problem, boolean placed) {
        for (JsonNode child : problem.path("children")) {
            if (child.hasNonNull("currentPlacement") == placed) {
                return child.path("id").asText();
            }
        }
        throw new IllegalStateException("no " + (placed ? "placed" : "waiting") + " child");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
