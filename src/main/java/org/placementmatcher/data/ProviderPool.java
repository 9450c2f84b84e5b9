package org.placementmatcher.data;

import static org.placementmatcher.data.DraftPlacementRules.canAdd;
import static org.placementmatcher.data.DraftPlacementRules.exemptWith;
import static org.placementmatcher.data.DraftPlacementRules.outsideExcludedAreas;
import static org.placementmatcher.data.RandomDraws.pickIndex;
import static org.placementmatcher.data.RandomDraws.triangular;
import static org.placementmatcher.data.SampleCalibration.CAPABILITIES;
import static org.placementmatcher.data.SampleCalibration.CAPABILITY_RATES;
import static org.placementmatcher.data.SampleCalibration.CONNECTED_NEAR_HOME;
import static org.placementmatcher.data.SampleCalibration.EMERGENCY_RATE;
import static org.placementmatcher.data.SampleCalibration.FEMALE;
import static org.placementmatcher.data.SampleCalibration.FUTURE_AVAILABILITY;
import static org.placementmatcher.data.SampleCalibration.GENDER_RESTRICTED;
import static org.placementmatcher.data.SampleCalibration.LOCATION_SHARES;
import static org.placementmatcher.data.SampleCalibration.MALE;
import static org.placementmatcher.data.SampleCalibration.PARENT_AND_CHILD;
import static org.placementmatcher.data.SampleDataGenerator.REFERENCE_DATE;
import static org.placementmatcher.domain.ProviderType.CONNECTED_PERSON;
import static org.placementmatcher.domain.ProviderType.RESIDENTIAL_HOME;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.data.Geography.Town;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

/**
 * One authority's providers: each made to take a given unit (located, aged, sized, priced and approved so that every
 * hard rule holds) or drawn as a random vacant one, and the ones that still have a free place, so that a unit can be
 * put with an existing provider before one is made for it.
 */
final class ProviderPool {
    private final Geography.Area area;
    private final SplittableRandom rng;
    final List<DraftProvider> providers = new ArrayList<>();
    /** Providers of each type that still have a free place, in creation order. */
    @SuppressWarnings("unchecked")
    private final List<DraftProvider>[] open = new List[ProviderType.values().length];

    ProviderPool(Geography.Area area, SplittableRandom rng) {
        this.area = area;
        this.rng = rng;
        for (int i = 0; i < open.length; i++) {
            open[i] = new ArrayList<>();
        }
    }

    /**
     * An open provider of the type that takes the unit under every hard rule: the nearest of three
     * random ones, or for a children's home any one (homes are found where a bed is, calibration.md:
     * 49% of children's-home children live more than 20 miles away).
     */
    DraftProvider findOpen(ProviderType type, DraftUnit unit, boolean asCurrent) {
        if (type == CONNECTED_PERSON) {
            return null;
        }
        List<DraftProvider> candidates = new ArrayList<>();
        for (DraftProvider provider : open[type.ordinal()]) {
            if (canAdd(unit, provider, asCurrent)) {
                candidates.add(provider);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (type == RESIDENTIAL_HOME) {
            return candidates.get(rng.nextInt(candidates.size()));
        }
        DraftChild kid = unit.first();
        DraftProvider best = null;
        double bestMiles = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            DraftProvider candidate = candidates.get(rng.nextInt(candidates.size()));
            double miles = candidate.milesFrom(kid.homeLat, kid.homeLon);
            if (miles < bestMiles) {
                best = candidate;
                bestMiles = miles;
            }
        }
        return best;
    }

    void join(DraftProvider provider, DraftChild kid, boolean reserved) {
        provider.members.add(kid);
        if (reserved) {
            provider.reserved.add(kid);
        }
        if (provider.free() <= 0) {
            open[provider.type.ordinal()].remove(provider);
        }
    }

    /**
     * A new provider. With a unit, it is made to take that unit (as its current placement, or as a
     * new placement when {@code forNewPlacement}); without, it is a random vacant provider.
     */
    DraftProvider create(ProviderType type, DraftUnit unit, boolean forNewPlacement) {
        DraftProvider p = new DraftProvider(type, "draft-" + providers.size());
        locate(p, unit);
        int[] range = ageRange(type, unit);
        p.ageMin = range[0];
        p.ageMax = range[1];
        p.places = places(type, unit);
        p.exempt = exemptWith(type, p.places);
        if (unit == null) {
            if (rng.nextDouble() < GENDER_RESTRICTED) {
                p.genders = List.of(rng.nextBoolean() ? MALE : FEMALE);
            }
        } else if (type != CONNECTED_PERSON
                && rng.nextDouble() < GENDER_RESTRICTED
                && unit.kids().stream().map(k -> k.gender).distinct().count() == 1) {
            p.genders = List.of(unit.first().gender);
        }
        if (type != CONNECTED_PERSON) {
            double[] rates = CAPABILITY_RATES[type.ordinal()];
            for (int i = 0; i < CAPABILITIES.size(); i++) {
                if (rng.nextDouble() < rates[i]) {
                    p.caps.add(CAPABILITIES.get(i));
                }
            }
        }
        if (unit != null) {
            for (String code : CAPABILITIES) {
                if (unit.needs(code) && !p.caps.contains(code)) {
                    p.caps.add(code);
                }
            }
            p.caps.sort((a, b) -> Integer.compare(CAPABILITIES.indexOf(a), CAPABILITIES.indexOf(b)));
        }
        p.cost = cost(type, p.caps);
        p.availableFrom = availableFrom(unit, forNewPlacement);
        p.emergency = forNewPlacement && unit.any(k -> k.urgency == Urgency.EMERGENCY)
                || rng.nextDouble() < EMERGENCY_RATE[type.ordinal()];
        if (type == CONNECTED_PERSON) {
            p.connected = unit.kids().stream().map(k -> k.id).toList();
        }
        LanguagesAndReligions.ofProvider(p, rng);
        if (unit != null && !canAdd(unit, p, !forNewPlacement)) {
            throw new IllegalStateException(
                    "generator bug: provider made for " + unit.first().id + " does not take it");
        }
        providers.add(p);
        if (p.free() > 0) {
            open[type.ordinal()].add(p);
        }
        return p;
    }

    private void locate(DraftProvider p, DraftUnit unit) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Town town;
            if (p.type == CONNECTED_PERSON && unit != null && rng.nextDouble() < CONNECTED_NEAR_HOME) {
                town = unit.first().homeTown; // family and friends near the family home
            } else {
                double[] shares = LOCATION_SHARES[p.type.ordinal()];
                int where = pickIndex(rng, shares);
                List<Town> towns = where == 0 ? area.homeCounty() : where == 1 ? area.adjoining() : area.far();
                town = Geography.pick(towns, rng);
                if (unit != null && p.type != RESIDENTIAL_HOME) {
                    // Placed near home where reasonably practicable (s22C): the nearer of two towns of that area.
                    Town other = Geography.pick(towns, rng);
                    DraftChild kid = unit.first();
                    if (Geo.miles(kid.homeLat, kid.homeLon, other.lat(), other.lon())
                            < Geo.miles(kid.homeLat, kid.homeLon, town.lat(), town.lon())) {
                        town = other;
                    }
                }
            }
            double[] point = Geography.around(town, rng);
            p.town = town;
            p.lat = point[0];
            p.lon = point[1];
            if (unit == null || outsideExcludedAreas(unit, p)) {
                return;
            }
        }
        throw new IllegalStateException("generator bug: no location outside the excluded areas of " + unit.first().id);
    }

    private int[] ageRange(ProviderType type, DraftUnit unit) {
        int youngest = PlacementRules.SUPPORTED_LODGINGS_MIN_AGE;
        int[][] ranges = switch (type) {
            case IN_HOUSE_FOSTER, IFA_FOSTER ->
                new int[][] {
                    {0, 17, 28},
                    {0, 11, 14},
                    {0, 4, 6},
                    {0, 8, 6},
                    {2, 15, 4},
                    {5, 17, 14},
                    {8, 17, 12},
                    {11, 17, 16}
                };
            case CONNECTED_PERSON -> new int[][] {{0, 17, 1}};
            case RESIDENTIAL_HOME -> new int[][] {{8, 17, 30}, {10, 17, 10}, {11, 17, 45}, {12, 17, 15}};
            // Supported lodgings: the youngest the rules allow (calibration.md: no under-16s, Care Planning regs
            // 2021).
            case SUPPORTED_LODGINGS ->
                new int[][] {{youngest, 17, 45}, {youngest, 18, 15}, {youngest, 19, 10}, {youngest, 20, 30}};
        };
        int lo = unit == null ? 0 : unit.minAge();
        int hi = unit == null ? 25 : unit.maxAge();
        double[] weights = new double[ranges.length];
        boolean any = false;
        for (int i = 0; i < ranges.length; i++) {
            boolean fits = unit == null || ranges[i][0] <= lo && hi <= ranges[i][1];
            weights[i] = fits ? ranges[i][2] : 0;
            any |= fits;
        }
        if (!any) {
            return new int[] {Math.min(lo, ranges[0][0]), Math.max(hi, ranges[0][1])};
        }
        int[] chosen = ranges[pickIndex(rng, weights)];
        return new int[] {chosen[0], chosen[1]};
    }

    private int places(ProviderType type, DraftUnit unit) {
        int drawn = switch (type) {
            // Foster households: mostly 1-2 children; a few exempt from the fostering limit take 4.
            case IN_HOUSE_FOSTER, IFA_FOSTER -> 1 + pickIndex(rng, new double[] {0.55, 0.32, 0.11, 0.02});
            case CONNECTED_PERSON -> unit == null ? 1 : unit.size();
            // calibration.md: typical children's home size 2-6 places (Ofsted register).
            case RESIDENTIAL_HOME -> 2 + pickIndex(rng, new double[] {0.15, 0.20, 0.30, 0.20, 0.15});
            case SUPPORTED_LODGINGS -> 1 + pickIndex(rng, new double[] {0.7, 0.3});
        };
        if (unit == null) {
            return drawn;
        }
        if (unit.any(k -> k.sole)) {
            return type == RESIDENTIAL_HOME ? 2 : unit.size();
        }
        return switch (type) {
            // A household approved around the child(ren) it takes: mostly exactly them, sometimes a spare place.
            case IN_HOUSE_FOSTER, IFA_FOSTER ->
                unit.size() > PlacementRules.USUAL_FOSTERING_LIMIT
                        ? unit.size()
                        : Math.min(
                                PlacementRules.USUAL_FOSTERING_LIMIT,
                                unit.size() + pickIndex(rng, new double[] {0.70, 0.22, 0.08}));
            case SUPPORTED_LODGINGS -> Math.min(2, unit.size() + pickIndex(rng, new double[] {0.8, 0.2}));
            default -> Math.max(drawn, unit.size());
        };
    }

    private double cost(ProviderType type, List<String> caps) {
        double cost = switch (type) {
            // calibration.md: in-house ~£400 a week, range £350-650 (IMPOWER; council FOIs).
            case IN_HOUSE_FOSTER -> 350 + 300 * Math.pow(rng.nextDouble(), 2.5);
            // calibration.md: IFA min £550, average £814, max £972 (Lincolnshire FOI); parent and child ~£1,600.
            case IFA_FOSTER ->
                caps.contains(PARENT_AND_CHILD) ? 1450 + 300 * rng.nextDouble() : triangular(rng, 550, 972, 920);
            // Connected persons: fostering allowance level (illustrative £250-350).
            case CONNECTED_PERSON -> 250 + 100 * rng.nextDouble();
            // calibration.md: children's home £3,800 (largest providers' average, CMA) to £6,100 (NAO average).
            case RESIDENTIAL_HOME -> triangular(rng, 3800, 6100, 4400);
            // Supported lodgings: illustrative £600-1,200.
            case SUPPORTED_LODGINGS -> 600 + 600 * rng.nextDouble();
        };
        return Math.round(cost);
    }

    private LocalDate availableFrom(DraftUnit unit, boolean forNewPlacement) {
        if (unit != null && forNewPlacement) {
            LocalDate latest = unit.kids().stream()
                    .map(k -> k.neededBy)
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            long days = ChronoUnit.DAYS.between(REFERENCE_DATE, latest);
            if (days > 0 && rng.nextDouble() < 0.2) {
                return REFERENCE_DATE.plusDays(1 + rng.nextInt((int) days));
            }
            return null;
        }
        // Current placements are exempt from availability (H8), so any date is fine for them.
        if (rng.nextDouble() < FUTURE_AVAILABILITY) {
            return REFERENCE_DATE.plusDays(3 + rng.nextInt(40));
        }
        return null;
    }
}
