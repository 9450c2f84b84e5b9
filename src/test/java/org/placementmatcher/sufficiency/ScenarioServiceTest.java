package org.placementmatcher.sufficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.sufficiency.AnalysisJobs.Job;
import org.placementmatcher.sufficiency.ScenarioResults.Delta;
import org.placementmatcher.sufficiency.ScenarioResults.Outcome;
import org.placementmatcher.sufficiency.ScenarioResults.Result;

/**
 * Scenarios on the sample county (500 children, 450 providers): recruiting in-county teenage foster carers, closing
 * every residential home, and the same request twice giving the same plans.
 */
class ScenarioServiceTest {

    private static final int SECONDS = 60;
    private static ScenarioService service;
    private static JsonNode county;
    private static Result first;
    private static long firstMillis;

    @BeforeAll
    static void solveOnce() throws Exception {
        service = new ScenarioService(PlacementSolver.fromClasspathConfig(), 600, 10, 200, 5, 1);
        county = ContractJson.mapper().readTree(Files.readString(Path.of("sample-data/county.json")));
        long began = System.nanoTime();
        first = done(service.submit(request(), SECONDS, "tester"));
        firstMillis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("scenarios: baseline and 2 scenarios on county solved in %d ms%n", firstMillis);
    }

    @AfterAll
    static void close() {
        service.stopAll();
    }

    /** Five in-county carers of teenagers, two places each, across the county; and every residential home closed. */
    static String request() throws IOException {
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.set("problem", county);
        ArrayNode scenarios = body.putArray("scenarios");
        ObjectNode recruit = scenarios.addObject().put("name", "recruit 5 teenage carers");
        ArrayNode carers = recruit.putArray("addProviders");
        double[][] where = {{52.20, 0.12}, {52.33, -0.08}, {52.57, -0.24}, {52.40, 0.26}, {52.23, -0.26}};
        for (int i = 0; i < where.length; i++) {
            ObjectNode carer = carers.addObject()
                    .put("id", "NEW-TEEN-" + (i + 1))
                    .put("type", "IN_HOUSE_FOSTER")
                    .put("localAuthority", county.get("homeAuthority").textValue())
                    .put("places", 2)
                    .put("ageMin", 11)
                    .put("ageMax", 17)
                    .put("weeklyCost", 400);
            carer.putObject("location").put("lat", where[i][0]).put("lon", where[i][1]);
            carer.putArray("capabilities")
                    .add("UASC_SUPPORT")
                    .add("COMPLEX_BEHAVIOUR")
                    .add("THERAPEUTIC");
        }
        ArrayNode closed = scenarios
                .addObject()
                .put("name", "close every residential home")
                .putArray("removeProviderIds");
        residentialHomes().forEach(closed::add);
        return ContractJson.mapper().writeValueAsString(body);
    }

    static Set<String> residentialHomes() {
        Set<String> ids = new HashSet<>();
        county.get("providers").forEach(p -> {
            if (p.get("type").textValue().equals("RESIDENTIAL_HOME")) {
                ids.add(p.get("id").textValue());
            }
        });
        return ids;
    }

    static Result done(Job<Result> job) throws InterruptedException {
        for (int i = 0; i < 6000 && !job.finished(); i++) {
            Thread.sleep(100);
        }
        assertEquals(AnalysisJobs.Status.DONE, job.status(), job.error());
        return job.result();
    }

    @Test
    void recruitingInCountyTeenageCarersLowersOutOfAreaAndCostByWhatThePlansGive() {
        Kpis baseline = first.baseline().plan().kpis();
        Outcome recruit = first.scenarios().get(0);
        Kpis scenario = recruit.plan().kpis();
        Delta delta = recruit.delta();
        System.out.printf("baseline %s%nrecruit %s%ndelta %s%n", baseline, scenario, delta);
        assertTrue(delta.outOfAreaPercent() < 0, "out of area should fall: " + delta);
        assertTrue(delta.weeklyCost() < 0, "weekly cost should fall: " + delta);
        // The delta is the scenario's own plan's KPIs minus the baseline's, as section 4 defines them.
        assertEquals(scenario.placed() - baseline.placed(), delta.placed());
        assertEquals(scenario.outOfAreaPercent() - baseline.outOfAreaPercent(), delta.outOfAreaPercent(), 1e-9);
        assertEquals(scenario.over20MilesPercent() - baseline.over20MilesPercent(), delta.over20MilesPercent(), 1e-9);
        assertEquals(scenario.siblingGroupsSplit() - baseline.siblingGroupsSplit(), delta.siblingGroupsSplit());
        assertEquals(scenario.moves() - baseline.moves(), delta.moves());
        assertEquals(scenario.weeklyCost() - baseline.weeklyCost(), delta.weeklyCost(), 0.005);
        assertEquals(delta.weeklyCost() * 52, delta.annualCost(), 0.01);
        long newCarersUsed = recruit.plan().assignments().stream()
                .filter(a -> a.providerId() != null && a.providerId().startsWith("NEW-TEEN-"))
                .count();
        assertTrue(newCarersUsed > 0 && newCarersUsed <= 10, "the new places are used: " + newCarersUsed);
        assertNull(recruit.timeLimitReached(), "ended by its budget of moves, not the clock");
    }

    @Test
    void closingEveryResidentialHomeMovesItsChildrenElsewhereOrLeavesThemUnplaced() {
        Set<String> homes = residentialHomes();
        Map<String, String> current = new HashMap<>();
        county.get("children").forEach(c -> {
            if (c.hasNonNull("currentPlacement")) {
                current.put(c.get("id").textValue(), c.get("currentPlacement").textValue());
            }
        });
        Outcome closed = first.scenarios().get(1);
        PlacementPlan plan = closed.plan();
        int living = 0;
        int moved = 0;
        int unplaced = 0;
        for (Assignment a : plan.assignments()) {
            assertFalse(homes.contains(a.providerId()), a.childId() + " placed at a closed home");
            if (homes.contains(current.get(a.childId()))) {
                living++;
                if (a.providerId() == null) {
                    unplaced++;
                    assertFalse(a.moved());
                } else {
                    moved++;
                    assertTrue(a.moved(), a.childId() + " re-placed, so moved");
                }
            }
        }
        System.out.printf(
                "closed homes: %d children lived there, %d moved, %d unplaced; delta %s%n",
                living, moved, unplaced, closed.delta());
        assertEquals(40, living);
        assertEquals(living, moved + unplaced);
        assertEquals(
                closed.plan().kpis().moves() - first.baseline().plan().kpis().moves(),
                closed.delta().moves());
        assertTrue(closed.delta().moves() > 0, "closing homes moves children: " + closed.delta());
        assertEquals(
                plan.kpis().placed(),
                plan.assignments().stream().filter(a -> a.providerId() != null).count());
    }

    @Test
    void theSameRequestGivesTheSamePlans() throws Exception {
        Result second = done(service.submit(request(), SECONDS, "tester"));
        assertEquals(
                ContractJson.mapper().writeValueAsString(first),
                ContractJson.mapper().writeValueAsString(second));
        assertNotEquals(first.baseline().plan(), first.scenarios().get(0).plan());
    }
}
