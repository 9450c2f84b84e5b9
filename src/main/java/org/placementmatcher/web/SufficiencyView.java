package org.placementmatcher.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.sufficiency.AnalysisJobs;
import org.placementmatcher.sufficiency.SufficiencyReport;

/**
 * A sufficiency report as its page shows it: words, pounds and counts, the most valuable places and kinds of
 * place first, and a bar chart of the kinds of place whose figures are also in the table beneath it.
 */
public record SufficiencyView(
        String authority,
        String id,
        String status,
        boolean working,
        boolean ready,
        String error,
        String progress,
        long elapsedSeconds,
        long limitSeconds,
        String headline,
        PlanSummary plan,
        List<PlaceRow> places,
        int placesWithValue,
        List<SegmentRow> segments,
        int segmentCount,
        List<Bar> chart,
        List<NeedRow> unmetNeed,
        int needGroups) {

    static final int TOP_PLACES = 20;
    static final int TOP_SEGMENTS = 15;
    static final int CHART_BARS = 8;
    static final int TOP_NEED = 20;
    /** Width of the chart's longest bar, in the SVG's own units. */
    static final int BAR_WIDTH = 600;

    static String base(String authority) {
        return PageContext.REGISTERS + authority + "/sufficiency";
    }

    public String base() {
        return base(authority);
    }

    /** The chart's height in SVG units: one row of label and bar per kind of place. */
    public int chartHeight() {
        return chart.size() * Bar.ROW;
    }

    /**
     * The view of the job's report as the user of the request is shown it ({@code report}), with the job's {@code
     * status} read before the report.
     */
    static SufficiencyView of(
            String authority,
            AnalysisJobs.Job<SufficiencyReport> job,
            AnalysisJobs.Status status,
            SufficiencyReport report,
            PlacementProblem register) {
        boolean ready = status == AnalysisJobs.Status.DONE && report != null;
        AnalysisJobs.Progress progress = job.progress();
        String progressWords = progress == null || progress.total() == 0
                ? "Optimising the plan the report rests on"
                : "Priced " + progress.done() + " of " + progress.total() + " places by re-optimising";
        Map<String, ProviderInput> providers = new HashMap<>();
        register.providers().forEach(provider -> providers.put(provider.id(), provider));
        List<SufficiencyReport.PlaceValue> valued = report == null
                ? List.of()
                : report.placeValues().stream()
                        .filter(value -> value.medium() > 0 || value.weeklyValue() > 0)
                        .sorted(Comparator.comparingLong(SufficiencyReport.PlaceValue::medium)
                                .thenComparingDouble(SufficiencyReport.PlaceValue::weeklyValue)
                                .reversed())
                        .toList();
        List<SufficiencyReport.Segment> segments = report == null ? List.of() : report.segments();
        List<SufficiencyReport.UnmetNeed> need = report == null ? List.of() : report.unmetNeed();
        return new SufficiencyView(
                authority,
                job.id(),
                statusWords(status),
                !job.finished(),
                ready,
                job.error(),
                progressWords,
                job.elapsedSeconds(),
                job.limitSeconds(),
                segments.isEmpty() ? null : headline(segments.getFirst()),
                report == null || report.plan() == null
                        ? null
                        : PlanSummary.of(report.plan().kpis()),
                valued.stream()
                        .limit(TOP_PLACES)
                        .map(value -> PlaceRow.of(value, providers.get(value.providerId()), register.homeAuthority()))
                        .toList(),
                valued.size(),
                segments.stream().limit(TOP_SEGMENTS).map(SegmentRow::of).toList(),
                segments.size(),
                Bar.chart(segments.stream().limit(CHART_BARS).toList()),
                need.stream().limit(TOP_NEED).map(NeedRow::of).toList(),
                need.size());
    }

    private static String statusWords(AnalysisJobs.Status status) {
        return switch (status) {
            case QUEUED -> "Waiting to start";
            case SOLVING -> "Being worked out";
            case DONE -> "Ready";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped early";
        };
    }

    private static String headline(SufficiencyReport.Segment best) {
        return "The most valuable kind of place to add: " + SegmentRow.kind(best) + ", worth about "
                + Words.pounds(best.weeklyValue()) + " a week"
                + (best.medium() > 0 ? " and placing children who now have no placement" : "") + ". "
                + best.reason();
    }

    /** The plan the report rests on, in words. */
    public record PlanSummary(String placed, String unplaced, String outOfArea, String over20Miles, String weekly) {
        static PlanSummary of(Kpis kpis) {
            return new PlanSummary(
                    Words.plural(kpis.placed(), "child", "children"),
                    Words.plural(kpis.unplaced(), "child", "children"),
                    Words.percent(kpis.outOfAreaPercent()),
                    Words.percent(kpis.over20MilesPercent()),
                    Words.pounds(kpis.weeklyCost()));
        }
    }

    /** One provider's value of one more place. */
    public record PlaceRow(
            String providerId,
            String kind,
            String where,
            String weekly,
            String placesWaiting,
            String children,
            boolean confirmed) {
        static PlaceRow of(SufficiencyReport.PlaceValue value, ProviderInput provider, String home) {
            String kind = provider == null || provider.type() == null
                    ? ""
                    : provider.type().inWords();
            String where = provider == null ? "" : home.equals(provider.localAuthority()) ? "in area" : "out of area";
            return new PlaceRow(
                    value.providerId(),
                    kind,
                    where,
                    Words.pounds(value.weeklyValue()),
                    value.medium() > 0 ? "yes" : "no",
                    Words.count(value.childrenBenefiting()),
                    value.confirmed());
        }
    }

    /** One kind of place (segment). */
    public record SegmentRow(
            String kind,
            String ageBand,
            String needs,
            String providers,
            String weekly,
            String children,
            String reason,
            boolean placesWaiting) {
        static SegmentRow of(SufficiencyReport.Segment segment) {
            return new SegmentRow(
                    kind(segment),
                    segment.ageBand(),
                    needsInWords(segment.needsMet()),
                    Words.count(segment.providers()),
                    Words.pounds(segment.weeklyValue()),
                    Words.count(segment.childrenBenefiting()),
                    segment.reason(),
                    segment.medium() > 0);
        }

        static String kind(SufficiencyReport.Segment segment) {
            String type = segment.providerType();
            String words;
            try {
                words = ProviderType.valueOf(type).pluralInWords();
            } catch (IllegalArgumentException unknown) {
                words = type;
            }
            return words + " " + (segment.inHomeAuthority() ? "in area" : "out of area") + ", ages "
                    + segment.ageBand();
        }
    }

    static String needsInWords(String joined) {
        return "none".equals(joined)
                ? "no particular needs"
                : joined.replace("_", " ").toLowerCase().replace("+", ", ");
    }

    /** One group of children whose need the plan meets least well. */
    public record NeedRow(
            String ageBand,
            String needs,
            String siblings,
            String urgency,
            String children,
            String unplaced,
            String outOfArea,
            String over20Miles,
            String residential,
            String weekly) {
        static NeedRow of(SufficiencyReport.UnmetNeed need) {
            return new NeedRow(
                    need.ageBand(),
                    needsInWords(need.needs()),
                    need.siblingGroupSize() == 1 ? "no" : "group of " + need.siblingGroupSize(),
                    need.urgency().toLowerCase(),
                    Words.count(need.children()),
                    Words.count(need.unplaced()),
                    Words.count(need.outOfArea()),
                    Words.count(need.over20Miles()),
                    Words.count(need.residential()),
                    Words.pounds(need.weeklyCost()));
        }
    }

    /** One bar of the chart: its label and value, where it is drawn, how long. */
    public record Bar(String label, String value, int labelY, int barY, int width) {
        static final int ROW = 56;

        /** Where the figure is written: just after the bar's end, on its baseline. */
        public int valueX() {
            return width + 8;
        }

        public int valueY() {
            return barY + 16;
        }

        static List<Bar> chart(List<SufficiencyReport.Segment> segments) {
            double most = segments.stream()
                    .mapToDouble(SufficiencyReport.Segment::weeklyValue)
                    .max()
                    .orElse(0);
            return java.util.stream.IntStream.range(0, segments.size())
                    .mapToObj(i -> {
                        SufficiencyReport.Segment segment = segments.get(i);
                        int width =
                                most <= 0 ? 0 : (int) Math.max(2, Math.round(segment.weeklyValue() / most * BAR_WIDTH));
                        return new Bar(
                                SegmentRow.kind(segment) + ", " + needsInWords(segment.needsMet()),
                                Words.pounds(segment.weeklyValue()) + " a week",
                                i * ROW + 18,
                                i * ROW + 26,
                                width);
                    })
                    .toList();
        }
    }
}
