package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.RunViews.PlanData;
import org.placementmatcher.solver.ProblemMapper;

/** The overview's figures against a register worked out by hand, its charts' text alternative, authority names. */
class OverviewFiguresTest {

    /**
     * P1 in Cambridgeshire where everyone lives; P2 in Peterborough (out of area), half a degree of latitude north:
     * 34.5 miles. Today C1 and C5 are at P1 (£500 each), C2 at P2 (£4,000; out of area, over 20 miles) apart from
     * her brother C1 (sibling group S1, not placed together); C3 (URGENT) and C4 (EMERGENCY) wait.
     */
    static final String REGISTER = """
            {"schemaVersion": 1, "name": "Hand-worked", "referenceDate": "2026-11-22", "homeAuthority": "E10000003",
             "providers": [
               {"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E10000003", "location": {"lat": 52.0, "lon": 0.0},
                "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": 500},
               {"id": "P2", "type": "RESIDENTIAL_HOME", "localAuthority": "E06000031", "location": {"lat": 52.5, "lon": 0.0},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 4000}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2016-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "P1", "siblingGroup": "S1", "placeTogether": false},
               {"id": "C2", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "P2", "siblingGroup": "S1", "placeTogether": false},
               {"id": "C3", "dateOfBirth": "2013-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT"},
               {"id": "C4", "dateOfBirth": "2012-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "EMERGENCY"},
               {"id": "C5", "dateOfBirth": "2011-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "P1"}
             ]}
            """;

    @Test
    void todaysFiguresAreTheContractsKpisOfTheRegisterAsItStands() {
        KpiFigures today = KpiFigures.today(ProblemMapper.asToday(ProblemReader.read(REGISTER)));

        assertThat(today.kpis()).isEqualTo(new Kpis(5, 3, 2, 33.3, 33.3, 0, 1, 5000.0, null));
        assertThat(today.unplacedByUrgency())
                .isEqualTo(Map.of(Urgency.EMERGENCY, 1, Urgency.URGENT, 1, Urgency.PLANNED, 0));
        assertThat(today.annualCost()).isEqualTo(260_000.0);
    }

    @Test
    void aPlansUnplacedChildrenAreCountedByTheirUrgencyInTheProblemItSolved() {
        PlacementProblem snapshot = ProblemReader.read(REGISTER);
        Kpis stored = new Kpis(5, 4, 1, 25.0, 25.0, 0, 1, 5500.0, null);
        PlacementPlan plan = new PlacementPlan(
                "plan",
                "0hard/-10medium/-9000soft",
                true,
                List.of(
                        new Assignment("C1", "P1", false),
                        new Assignment("C2", "P2", false),
                        new Assignment("C3", "P1", false),
                        new Assignment("C4", null, false),
                        new Assignment("C5", "P1", false)),
                stored,
                Map.of("E1", stored),
                null,
                null,
                null);

        KpiFigures planned = KpiFigures.planned(new PlanData(stored, snapshot, plan));

        assertThat(planned.kpis()).isSameAs(stored);
        assertThat(planned.unplacedByUrgency())
                .isEqualTo(Map.of(Urgency.EMERGENCY, 1, Urgency.URGENT, 0, Urgency.PLANNED, 0));
        assertThat(planned.annualCost()).isEqualTo(286_000.0);
        assertThat(KpiFigures.planned(new PlanData(stored, null, null)).unplacedByUrgency())
                .as("a plan deleted under the retention policy: its urgency counts are not known")
                .isNull();
    }

    @Test
    void aChartsTextAlternativeNamesEveryFigureAndTheTarget() {
        BarChart chart = new BarChart(
                "out-of-area",
                "Children placed out of area",
                List.of(new BarChart.Bar("Today", 33.3, "today"), new BarChart.Bar("Latest plan", null, "plan")),
                29.0,
                BarChart::percent);

        assertThat(chart.caption())
                .isEqualTo("Children placed out of area: Today 33.3%, Latest plan not known; target 29.0% or less.");
        String html = chart.html().getValue();
        assertThat(html)
                .contains("<figcaption class=\"govuk-body-s pm-chart-figure__caption\" id=\"out-of-area-caption\">")
                .contains("aria-labelledby=\"out-of-area-caption\"")
                .contains("<svg class=\"pm-chart\"")
                .contains("aria-hidden=\"true\"")
                .contains("<table class=\"govuk-table govuk-visually-hidden\">")
                .contains("<tr><th scope=\"row\">Today</th><td>33.3%</td></tr>")
                .contains("<tr><th scope=\"row\">Latest plan</th><td>not known</td></tr>")
                .contains("<tr><th scope=\"row\">Target</th><td>29.0% or less</td></tr>")
                .contains(">Target 29.0%</text>");
        // The plot is 330 wide and scaled to 110% of the largest figure (33.3): today's bar is 300 long.
        assertThat(html).contains("width=\"300\" height=\"28\"");
        assertThat(new BarChart("x", "<b>", List.of(), null, BarChart::count)
                        .html()
                        .getValue())
                .as("text is escaped")
                .contains("&lt;b&gt;: ; no target set.")
                .doesNotContain("<b>");
    }

    @Test
    void authoritiesAreNamedFromTheOnsTable() {
        assertThat(AuthorityNames.all()).hasSize(153);
        assertThat(AuthorityNames.all().keySet()).allMatch(code -> code.matches("E(06|08|09|10)\\d{6}"));
        assertThat(AuthorityNames.label("E10000003")).isEqualTo("Cambridgeshire (E10000003)");
        assertThat(AuthorityNames.label("E06000023")).isEqualTo("Bristol, City of (E06000023)");
        assertThat(AuthorityNames.label("E0600W001"))
                .as("an unknown code is shown as it is")
                .isEqualTo("E0600W001");
        assertThat(AuthorityNames.name("E06000031")).isEqualTo("Peterborough");
        // Every authority of the sample data (data/Geography) is named.
        for (String code : List.of(
                "E10000003",
                "E06000031",
                "E10000020",
                "E10000029",
                "E10000012",
                "E10000015",
                "E06000056",
                "E06000055",
                "E06000061",
                "E10000019",
                "E09000010",
                "E09000003",
                "E09000008",
                "E09000016",
                "E10000016",
                "E08000025",
                "E06000042",
                "E10000018",
                "E06000009")) {
            assertThat(AuthorityNames.known(code)).as(code).isPresent();
        }
    }
}
