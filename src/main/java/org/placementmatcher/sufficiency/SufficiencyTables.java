package org.placementmatcher.sufficiency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementArea;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.sufficiency.SufficiencyReport.Segment;
import org.placementmatcher.sufficiency.SufficiencyReport.UnmetNeed;

/** The report's two summaries: place values by kind of place, and the children whose need the plan meets least well. */
final class SufficiencyTables {

    /** The age bands of the contract: lowest and highest age of each. */
    static final List<int[]> AGE_BANDS =
            List.of(new int[] {0, 4}, new int[] {5, 10}, new int[] {11, 15}, new int[] {16, 17});

    private SufficiencyTables() {}

    static String bandName(int[] band) {
        return band[0] + "-" + band[1];
    }

    /** The child's age band; the last one for anyone older. */
    static String bandOf(int age) {
        for (int[] band : AGE_BANDS) {
            if (age <= band[1]) {
                return bandName(band);
            }
        }
        return bandName(AGE_BANDS.getLast());
    }

    /** Needs or capabilities as one text: sorted, joined with "+", or "none". */
    static String joined(Iterable<String> items) {
        TreeSet<String> sorted = new TreeSet<>();
        items.forEach(sorted::add);
        return sorted.isEmpty() ? "none" : String.join("+", sorted);
    }

    /** Where the plan has each child, by child id (absent: unplaced). */
    static Map<String, Provider> placements(PlacementSolution plan) {
        Map<String, Provider> byId = new HashMap<>();
        PlanWriter.providerByChild(plan).forEach((child, provider) -> {
            if (provider != null) {
                byId.put(child.getId(), provider);
            }
        });
        return byId;
    }

    private record SegmentKey(ProviderType type, boolean inHome, String band, String needsMet) {}

    private static final class Sum {
        int providers;
        long medium;
        long soft;
        final Map<String, Child> children = new LinkedHashMap<>();
    }

    /** Values summed by provider type, home authority or not, approved age band and needs met; best first. */
    static List<Segment> segments(List<PlaceValues.Value> values, PlacementSolution plan) {
        Map<String, Provider> placed = placements(plan);
        Map<SegmentKey, Sum> sums = new LinkedHashMap<>();
        for (PlaceValues.Value value : values) {
            Provider p = value.provider();
            for (int[] band : AGE_BANDS) {
                if (p.getAgeMin() > band[1] || p.getAgeMax() < band[0]) {
                    continue;
                }
                SegmentKey key =
                        new SegmentKey(p.getType(), p.isInHomeAuthority(), bandName(band), joined(p.getCapabilities()));
                Sum sum = sums.computeIfAbsent(key, k -> new Sum());
                sum.providers++;
                sum.medium += value.medium();
                sum.soft += value.soft();
                value.benefiting().forEach(child -> sum.children.putIfAbsent(child.getId(), child));
            }
        }
        List<Segment> segments = new ArrayList<>();
        sums.forEach((key, sum) -> segments.add(new Segment(
                key.type().name(),
                key.inHome(),
                key.band(),
                key.needsMet(),
                sum.providers,
                sum.medium,
                sum.soft,
                sum.soft,
                sum.children.size(),
                reason(sum.children.values(), placed))));
        segments.sort(Comparator.comparingLong(Segment::medium)
                .thenComparingLong(Segment::soft)
                .thenComparingInt(Segment::childrenBenefiting)
                .reversed()
                .thenComparing(Segment::providerType)
                .thenComparing(Segment::ageBand)
                .thenComparing(Segment::needsMet)
                .thenComparing(Segment::inHomeAuthority));
        return segments;
    }

    /** Who would gain and where the plan has them now, the two largest groups: "3 teenagers aged 11-15 now ...". */
    static String reason(Iterable<Child> children, Map<String, Provider> placed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String[]> parts = new HashMap<>();
        for (Child child : children) {
            String band = bandOf(child.getAge());
            String situation = situation(child, placed.get(child.getId()));
            String key = band + "|" + situation;
            counts.merge(key, 1, Integer::sum);
            parts.putIfAbsent(key, new String[] {band, situation});
        }
        if (counts.isEmpty()) {
            return "no child would gain from one more place";
        }
        List<String> phrases = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2)
                .map(e -> e.getValue() + " " + who(parts.get(e.getKey())[0], e.getValue()) + " now "
                        + parts.get(e.getKey())[1])
                .toList();
        int shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2)
                .mapToInt(Map.Entry::getValue)
                .sum();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String text = String.join("; ", phrases);
        return total > shown ? text + "; " + (total - shown) + " more" : text;
    }

    private static String who(String band, int count) {
        boolean one = count == 1;
        return switch (band) {
            case "0-4" -> (one ? "young child" : "young children") + " aged 0-4";
            case "5-10" -> (one ? "child" : "children") + " aged 5-10";
            case "11-15" -> (one ? "teenager" : "teenagers") + " aged 11-15";
            default -> (one ? "young person" : "young people") + " aged 16-17";
        };
    }

    /** Where the plan has the child, in words. */
    static String situation(Child child, Provider provider) {
        if (provider == null) {
            return "waiting unplaced";
        }
        StringBuilder text = new StringBuilder("placed");
        boolean anything = false;
        if (child.milesTo(provider) > SoftTerms.FAR_MILES) {
            text.append(" 20+ miles away");
            anything = true;
        }
        if (PlacementArea.isOutOfArea(child, provider)) {
            text.append(" out of area");
            anything = true;
        }
        if (provider.getType() == ProviderType.RESIDENTIAL_HOME) {
            text.append(" in residential care");
            anything = true;
        }
        return anything ? text.toString() : "placed where another place would suit them better";
    }

    private record NeedKey(String band, String needs, int siblingGroupSize, String urgency) {}

    /** One child of the plan as the unmet-need rows count it: its group's key but the group's size, and where it is. */
    private record NeedFigure(
            String childId,
            String siblingGroup,
            String band,
            String needs,
            String urgency,
            boolean unplaced,
            boolean outOfArea,
            boolean far,
            boolean residential,
            double weeklyCost) {

        boolean unmet() {
            return unplaced || outOfArea || far || residential;
        }
    }

    /**
     * What each child of a plan adds to its unmet-need rows, kept so the rows can be worked out over any of its
     * children (a reader of part of a shared register, {@link JobSight}). Names no one: it is never written out.
     */
    static final class NeedFigures {
        private final List<NeedFigure> children;

        private NeedFigures(List<NeedFigure> children) {
            this.children = children;
        }

        /** The rows over every child of the plan. */
        List<UnmetNeed> rows() {
            return rows(id -> true);
        }

        /** The rows over the children {@code counted} keeps, a sibling group's size counting only those too. */
        List<UnmetNeed> rows(Predicate<String> counted) {
            List<NeedFigure> kept = children.stream()
                    .filter(child -> counted.test(child.childId()))
                    .toList();
            Map<String, Integer> groupSizes = new HashMap<>();
            for (NeedFigure child : kept) {
                if (child.siblingGroup() != null) {
                    groupSizes.merge(child.siblingGroup(), 1, Integer::sum);
                }
            }
            Map<NeedKey, int[]> counts = new LinkedHashMap<>();
            Map<NeedKey, Double> costs = new LinkedHashMap<>();
            for (NeedFigure child : kept) {
                if (!child.unmet()) {
                    continue;
                }
                NeedKey key = new NeedKey(
                        child.band(),
                        child.needs(),
                        child.siblingGroup() == null ? 1 : groupSizes.get(child.siblingGroup()),
                        child.urgency());
                int[] c = counts.computeIfAbsent(key, k -> new int[5]);
                c[0]++;
                c[1] += child.unplaced() ? 1 : 0;
                c[2] += child.outOfArea() ? 1 : 0;
                c[3] += child.far() ? 1 : 0;
                c[4] += child.residential() ? 1 : 0;
                costs.merge(key, child.weeklyCost(), Double::sum);
            }
            return sorted(counts, costs);
        }
    }

    /**
     * What each child of the plan adds to its unmet-need rows: children unplaced, out of area, over 20 miles away or
     * in residential care, grouped, the largest groups first ({@link NeedFigures#rows}).
     */
    static NeedFigures needFigures(PlacementSolution plan) {
        Map<String, Provider> placed = placements(plan);
        List<NeedFigure> figures = new ArrayList<>(plan.getChildren().size());
        for (Child child : plan.getChildren()) {
            Provider p = placed.get(child.getId());
            figures.add(new NeedFigure(
                    child.getId(),
                    child.getSiblingGroup(),
                    bandOf(child.getAge()),
                    joined(child.getNeeds()),
                    child.getUrgency().name(),
                    p == null,
                    p != null && PlacementArea.isOutOfArea(child, p),
                    p != null && child.milesTo(p) > SoftTerms.FAR_MILES,
                    p != null && p.getType() == ProviderType.RESIDENTIAL_HOME,
                    p == null ? 0.0 : p.getWeeklyCost()));
        }
        return new NeedFigures(List.copyOf(figures));
    }

    private static List<UnmetNeed> sorted(Map<NeedKey, int[]> counts, Map<NeedKey, Double> costs) {
        List<UnmetNeed> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new UnmetNeed(
                key.band(),
                key.needs(),
                key.siblingGroupSize(),
                key.urgency(),
                c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                costs.get(key))));
        rows.sort(Comparator.comparingInt(UnmetNeed::children)
                .thenComparingDouble(UnmetNeed::weeklyCost)
                .reversed()
                .thenComparing(UnmetNeed::ageBand)
                .thenComparing(UnmetNeed::needs)
                .thenComparingInt(UnmetNeed::siblingGroupSize)
                .thenComparing(UnmetNeed::urgency));
        return rows;
    }
}
