package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RunViews;
import org.placementmatcher.register.RunViews.RunSummary;
import org.placementmatcher.security.Role;

/**
 * {@code GET /registers/{authority}}: one authority's overview. The KPIs of the register today (everyone where
 * they are), of the latest finished run's plan, and the authority's targets ({@link Targets}), as charts with
 * text alternatives and as one table.
 */
@Path("/registers/{authority}")
public class OverviewPage {

    /** Plans' figures by run: a finished run's plan does not change, and reading a region's snapshot is not free. */
    private static final int PLANS_HELD = 64;

    private final Template overview;
    private final RegisterService registers;
    private final RunViews runs;
    private final Targets targets;
    private final Map<String, KpiFigures> planFigures = new LinkedHashMap<>();

    public OverviewPage(
            @Location("web/overview/overview.html") Template overview,
            RegisterService registers,
            RunViews runs,
            Targets targets) {
        this.overview = overview;
        this.registers = registers;
        this.runs = runs;
        this.targets = targets;
    }

    /** One row of the figures table. */
    public record Measure(String name, String today, String plan, String target) {}

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance overview(@PathParam("authority") String authority) {
        KpiFigures today = KpiFigures.today(registers.caseloadAsSeen(authority).today());
        Optional<RunSummary> latest = runs.latestDone(authority);
        KpiFigures plan = latest.map(run -> planFigures(authority, run.id())).orElse(null);
        return overview.data("authority", authority)
                .data("authorityLabel", AuthorityNames.label(authority))
                .data("registerVersion", registers.version(authority))
                .data("run", latest.orElse(null))
                .data("charts", charts(authority, today, plan))
                .data("measures", measures(authority, today, plan));
    }

    private KpiFigures planFigures(String authority, String runId) {
        String key = authority + "/" + runId + "/" + runs.scopeKey(authority);
        synchronized (planFigures) {
            KpiFigures held = planFigures.get(key);
            if (held != null) {
                return held;
            }
        }
        KpiFigures figures = KpiFigures.planned(runs.planData(authority, runId));
        synchronized (planFigures) {
            if (planFigures.size() >= PLANS_HELD) {
                planFigures.remove(planFigures.keySet().iterator().next());
            }
            planFigures.put(key, figures);
        }
        return figures;
    }

    /** A figure of the contract's KPIs with its name, format and target. */
    private record Figure(
            String id,
            String name,
            ToDoubleFunction<KpiFigures> value,
            DoubleFunction<String> format,
            Function<Targets.Of, OptionalDouble> target) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure(
                    "out-of-area",
                    "Children placed out of area",
                    f -> f.kpis().outOfAreaPercent(),
                    BarChart::percent,
                    Targets.Of::outOfAreaPercent),
            new Figure(
                    "over-20-miles",
                    "Children placed over 20 miles away",
                    f -> f.kpis().over20MilesPercent(),
                    BarChart::percent,
                    Targets.Of::over20MilesPercent),
            new Figure(
                    "siblings-split",
                    "Sibling groups split",
                    f -> f.kpis().siblingGroupsSplit(),
                    BarChart::count,
                    Targets.Of::siblingGroupsSplit),
            new Figure(
                    "weekly-cost", "Weekly cost", f -> f.kpis().weeklyCost(), BarChart::pounds, Targets.Of::weeklyCost),
            new Figure("moves", "Children moved", f -> f.kpis().moves(), BarChart::count, Targets.Of::moves));

    private List<BarChart> charts(String authority, KpiFigures today, KpiFigures plan) {
        List<BarChart> charts = new ArrayList<>();
        for (Figure figure : FIGURES) {
            charts.add(new BarChart(
                    figure.id(),
                    figure.name(),
                    List.of(
                            new BarChart.Bar("Today", figure.value().applyAsDouble(today), "today"),
                            new BarChart.Bar(
                                    "Latest plan",
                                    plan == null || plan.kpis() == null
                                            ? null
                                            : figure.value().applyAsDouble(plan),
                                    "plan")),
                    targets.of(authority, figure.target()),
                    figure.format()));
        }
        List<BarChart.Bar> unplaced = new ArrayList<>();
        for (Urgency urgency : Urgency.values()) {
            unplaced.add(new BarChart.Bar(
                    words(urgency) + " today",
                    (double) today.unplacedByUrgency().get(urgency),
                    "today"));
            unplaced.add(new BarChart.Bar(
                    words(urgency) + " in plan",
                    plan == null || plan.unplacedByUrgency() == null
                            ? null
                            : (double) plan.unplacedByUrgency().get(urgency),
                    "plan"));
        }
        charts.add(
                3,
                new BarChart("unplaced", "Children without a placement, by urgency", unplaced, null, BarChart::count));
        return charts;
    }

    private List<Measure> measures(String authority, KpiFigures today, KpiFigures plan) {
        boolean planKnown = plan != null && plan.kpis() != null;
        List<Measure> measures = new ArrayList<>();
        for (Figure figure : FIGURES) {
            Double target = targets.of(authority, figure.target());
            measures.add(new Measure(
                    figure.name(),
                    figure.format().apply(figure.value().applyAsDouble(today)),
                    planKnown ? figure.format().apply(figure.value().applyAsDouble(plan)) : "not known",
                    target == null ? "none set" : figure.format().apply(target) + " or less"));
            if (figure.id().equals("weekly-cost")) {
                measures.add(new Measure(
                        "Annual cost (" + KpiFigures.WEEKS_A_YEAR + " weeks)",
                        BarChart.pounds(today.annualCost()),
                        planKnown ? BarChart.pounds(plan.annualCost()) : "not known",
                        target == null ? "none set" : BarChart.pounds(target * KpiFigures.WEEKS_A_YEAR) + " or less"));
            }
        }
        Double unplacedTarget = targets.of(authority, Targets.Of::unplaced);
        Kpis planKpis = planKnown ? plan.kpis() : null;
        measures.add(
                3,
                new Measure(
                        "Children without a placement",
                        BarChart.count(today.kpis().unplaced()),
                        planKpis == null ? "not known" : BarChart.count(planKpis.unplaced()),
                        unplacedTarget == null ? "none set" : BarChart.count(unplacedTarget) + " or less"));
        for (Urgency urgency : Urgency.values()) {
            measures.add(
                    4 + urgency.ordinal(),
                    new Measure(
                            "of whom " + words(urgency).toLowerCase(java.util.Locale.UK),
                            BarChart.count(today.unplacedByUrgency().get(urgency)),
                            plan == null || plan.unplacedByUrgency() == null
                                    ? "not known"
                                    : BarChart.count(plan.unplacedByUrgency().get(urgency)),
                            ""));
        }
        return measures;
    }

    static String words(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "Emergency";
            case URGENT -> "Urgent";
            case PLANNED -> "Planned";
        };
    }
}
