package org.placementmatcher.data;

import static org.placementmatcher.data.DraftPlacementRules.eligibleButForEmergency;
import static org.placementmatcher.data.DraftPlacementRules.exemptWith;
import static org.placementmatcher.data.RandomDraws.pickIndex;
import static org.placementmatcher.data.RandomDraws.shuffle;
import static org.placementmatcher.data.SampleCalibration.COMPLEX_BEHAVIOUR;
import static org.placementmatcher.data.SampleCalibration.DISABILITY_CARE;
import static org.placementmatcher.data.SampleCalibration.PARENT_AND_CHILD;
import static org.placementmatcher.data.SampleCalibration.PLACEMENT_MIX;
import static org.placementmatcher.data.SampleCalibration.TARGET_VACANCY;
import static org.placementmatcher.data.SampleCalibration.THERAPEUTIC;
import static org.placementmatcher.data.SampleCalibration.WHEELCHAIR_ACCESS;
import static org.placementmatcher.domain.ProviderType.CONNECTED_PERSON;
import static org.placementmatcher.domain.ProviderType.IFA_FOSTER;
import static org.placementmatcher.domain.ProviderType.IN_HOUSE_FOSTER;
import static org.placementmatcher.domain.ProviderType.RESIDENTIAL_HOME;
import static org.placementmatcher.domain.ProviderType.SUPPORTED_LODGINGS;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

/**
 * One authority's placements: every placed unit's current provider, then the hidden feasible plan (a reserved place
 * for every waiting and moving unit but the ones left without options), vacant providers up to the size's provider
 * count, spare places trimmed towards the vacancy target, and emergency approvals taken away from what the hard
 * children could use. The plan is never written out; it proves that a plan placing all of those children exists.
 */
final class HiddenPlan {
    private final ProviderPool pool;
    private final int childTarget;
    private final int providerTarget;
    private final SplittableRandom rng;

    HiddenPlan(ProviderPool pool, int childTarget, int providerTarget, SplittableRandom rng) {
        this.pool = pool;
        this.childTarget = childTarget;
        this.providerTarget = providerTarget;
        this.rng = rng;
    }

    void placeCurrent(List<DraftUnit> placedUnits) {
        for (DraftUnit unit : placedUnits) {
            ProviderType type = pickType(unit, false);
            DraftProvider provider = null;
            // Children's homes hold several children; foster households mostly their own child or siblings.
            if (rng.nextDouble() < (type == RESIDENTIAL_HOME ? 0.9 : 0.15)) {
                provider = pool.findOpen(type, unit, true);
            }
            if (provider == null) {
                provider = pool.create(type, unit, false);
            }
            for (DraftChild kid : unit.kids()) {
                kid.current = provider;
                pool.join(provider, kid, false);
                // Many children placed far from home have moved school near their placement.
                if (kid.school != null && provider.milesFrom(kid.homeLat, kid.homeLon) > 15 && rng.nextDouble() < 0.6) {
                    kid.school = Geography.jitter(provider.lat, provider.lon, 3, rng);
                }
            }
        }
    }

    // ---- the hidden feasible plan for waiting and moving children ----

    void reserve(List<DraftUnit> units) {
        List<DraftUnit> toPlace = new ArrayList<>();
        for (DraftUnit unit : units) {
            DraftChild first = unit.first();
            if (first.waiting && !first.hard || first.needsMove) {
                toPlace.add(unit);
            }
        }
        // Hardest first, so that scarce vacancies go where they are needed.
        toPlace.sort((a, b) -> Integer.compare(difficulty(b), difficulty(a)));
        for (DraftUnit unit : toPlace) {
            ProviderType type = pickType(unit, true);
            DraftProvider provider = null;
            // Mostly a vacant household or home of its own (as real vacancies mostly are), sometimes a spare place.
            if (rng.nextDouble() < 0.25) {
                provider = pool.findOpen(type, unit, false);
                if (provider == null && rng.nextBoolean()) {
                    for (ProviderType other : ProviderType.values()) {
                        if (other != type && other != CONNECTED_PERSON && provider == null) {
                            provider = pool.findOpen(other, unit, false);
                        }
                    }
                }
            }
            if (provider == null) {
                provider = pool.create(type, unit, true);
            }
            for (DraftChild kid : unit.kids()) {
                pool.join(provider, kid, true);
            }
        }
    }

    private static int difficulty(DraftUnit unit) {
        int score = unit.size() * 10;
        for (DraftChild kid : unit.kids()) {
            score += kid.needs.size() * 5 + kid.excluded.size() * 3 + (kid.sole ? 20 : 0) + (kid.risk ? 5 : 0);
        }
        return score + (unit.first().urgency == Urgency.EMERGENCY ? 8 : 0);
    }

    // ---- vacancies up to the size's provider count ----

    void addVacantProviders() {
        int missing = providerTarget - pool.providers.size();
        // calibration.md: 16% of approved places vacant (Ofsted 2024), judged once every child is placed.
        int targetPlaces = (int) Math.ceil(childTarget / (1 - TARGET_VACANCY));
        int budget =
                targetPlaces - pool.providers.stream().mapToInt(p -> p.places).sum();
        // Vacant providers by count: foster households dominate (calibration.md: 42,190 fostering households).
        double[] mix = {0.42, 0.38, 0.0, 0.06, 0.14};
        for (int i = 0; i < missing; i++) {
            ProviderType type = ProviderType.values()[pickIndex(rng, mix)];
            DraftProvider provider = pool.create(type, null, false);
            int minimum = type == RESIDENTIAL_HOME ? 2 : 1;
            int left = missing - i - 1;
            int cap = Math.max(minimum, budget - left);
            if (provider.places > cap) {
                provider.places = cap;
                provider.exempt = exemptWith(type, cap);
            }
            budget -= provider.places;
        }
    }

    /**
     * Brings the total of places down towards the vacancy target by removing spare places (never
     * one the hidden plan uses), one at a time over the providers in random order.
     */
    void trimSparePlaces() {
        int targetPlaces = (int) Math.ceil(childTarget / (1 - TARGET_VACANCY));
        int excess = pool.providers.stream().mapToInt(p -> p.places).sum() - targetPlaces;
        List<DraftProvider> order = new ArrayList<>(pool.providers);
        shuffle(rng, order);
        boolean trimmed = true;
        while (excess > 0 && trimmed) {
            trimmed = false;
            for (DraftProvider p : order) {
                int floor = Math.max(p.members.size(), p.type == RESIDENTIAL_HOME ? 2 : 1);
                if (excess > 0 && p.places > floor) {
                    p.places--;
                    p.exempt = exemptWith(p.type, p.places);
                    excess--;
                    trimmed = true;
                }
            }
        }
    }

    /**
     * Takes the emergency approval away from every provider a hard child could otherwise use, unless
     * a reserved emergency child relies on it. The hard child then has no option at all.
     */
    void tighten(List<DraftUnit> hardUnits) {
        for (DraftUnit unit : hardUnits) {
            DraftChild kid = unit.first();
            for (DraftProvider provider : pool.providers) {
                if (!provider.emergency || !eligibleButForEmergency(kid, provider)) {
                    continue;
                }
                boolean relied = provider.reserved.stream().anyMatch(k -> k.urgency == Urgency.EMERGENCY);
                if (!relied) {
                    provider.emergency = false;
                }
            }
        }
    }

    // ---- providers ----

    private ProviderType pickType(DraftUnit unit, boolean waiting) {
        double[] w = PLACEMENT_MIX.clone();
        int minAge = unit.minAge();
        int maxAge = unit.maxAge();
        if (waiting) {
            w[CONNECTED_PERSON.ordinal()] *= 0.5; // a connected person has been assessed for some waiting children only
        }
        if (minAge < PlacementRules.SUPPORTED_LODGINGS_MIN_AGE || unit.size() > 2) {
            w[SUPPORTED_LODGINGS.ordinal()] = 0;
        } else {
            // calibration.md: supported accommodation 9.8% of all placements, all of them 16-17 year olds.
            w[SUPPORTED_LODGINGS.ordinal()] *= 8.0;
        }
        if (minAge < 8) {
            w[RESIDENTIAL_HOME.ordinal()] = 0;
        } else if (maxAge < 11) {
            w[RESIDENTIAL_HOME.ordinal()] *= 0.3;
        } else {
            w[RESIDENTIAL_HOME.ordinal()] *= 1.2;
        }
        if (unit.size() >= 3) {
            w[RESIDENTIAL_HOME.ordinal()] *= 0.5;
        }
        if (unit.needs(COMPLEX_BEHAVIOUR)) {
            w[RESIDENTIAL_HOME.ordinal()] *= 4;
            w[IFA_FOSTER.ordinal()] *= 1.5;
            w[CONNECTED_PERSON.ordinal()] *= 0.3;
        }
        if (unit.needs(THERAPEUTIC)) {
            w[RESIDENTIAL_HOME.ordinal()] *= 2.5;
            w[IFA_FOSTER.ordinal()] *= 1.5;
        }
        if (unit.needs(PARENT_AND_CHILD)) {
            w[RESIDENTIAL_HOME.ordinal()] = 0;
            w[IFA_FOSTER.ordinal()] *= 2;
            w[SUPPORTED_LODGINGS.ordinal()] *= 2;
            w[CONNECTED_PERSON.ordinal()] *= 0.3;
        }
        if (unit.needs(WHEELCHAIR_ACCESS) || unit.needs(DISABILITY_CARE)) {
            w[SUPPORTED_LODGINGS.ordinal()] *= 0.3;
        }
        if (unit.any(k -> k.uasc)) {
            w[CONNECTED_PERSON.ordinal()] = 0; // no family here
            w[IN_HOUSE_FOSTER.ordinal()] *= 0.6;
        }
        if (unit.any(k -> k.sole)) {
            // A child who must live alone: a single-child agency household, or a small home.
            w = new double[] {0, 0.6, 0, minAge < 8 ? 0 : 0.4, 0};
        }
        return ProviderType.values()[pickIndex(rng, w)];
    }
}
