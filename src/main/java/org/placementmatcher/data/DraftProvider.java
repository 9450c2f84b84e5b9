package org.placementmatcher.data;

import static org.placementmatcher.data.SampleDataGenerator.HOME_AUTHORITY;
import static org.placementmatcher.data.SampleDataGenerator.REFERENCE_DATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.Geography.Town;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.solver.ProblemMapper;

/**
 * A provider of the working model (mutable while generating; written out as the contract's records), with everyone
 * counted there in the hidden feasible plan.
 */
final class DraftProvider {
    String id;
    final ProviderType type;
    Town town;
    double lat;
    double lon;
    /** The label written with the point, set once the data is complete. */
    String postcode;

    int places;
    int ageMin;
    int ageMax;
    List<String> genders;
    final List<String> caps = new ArrayList<>();
    double cost;
    LocalDate availableFrom;
    boolean emergency;
    List<String> connected;
    boolean exempt;
    List<String> languages;
    String religion;
    /** Everyone counted here in the hidden feasible plan: current occupants and reserved children. */
    final List<DraftChild> members = new ArrayList<>();
    /** The subset of members that were reserved here (waiting or moving children). */
    final List<DraftChild> reserved = new ArrayList<>();

    DraftProvider(ProviderType type, String draftId) {
        this.type = type;
        this.id = draftId;
    }

    /** The engine's view of this provider, and the input it was mapped from: its key, so it is never stale. */
    private Provider engineView;

    private ProviderInput engineViewOf;

    /** The provider as the contract writes it. */
    ProviderInput toInput() {
        return new ProviderInput(
                id,
                type,
                town.authority(),
                new GeoPoint(lat, lon, postcode),
                places,
                ageMin,
                ageMax,
                genders,
                caps.isEmpty() ? null : List.copyOf(caps),
                cost,
                availableFrom,
                emergency ? Boolean.TRUE : null,
                connected,
                exempt ? Boolean.TRUE : null,
                languages,
                religion,
                null,
                null,
                null);
    }

    int free() {
        return places - members.size();
    }

    /**
     * The provider as the engine sees it (the contract's defaults applied by {@link ProblemMapper}); mapped
     * again whenever anything written about the provider has changed since.
     */
    Provider engineView() {
        ProviderInput input = toInput();
        if (!input.equals(engineViewOf)) {
            engineView = ProblemMapper.toProvider(input, 0, HOME_AUTHORITY, REFERENCE_DATE, null);
            engineViewOf = input;
        }
        return engineView;
    }

    /** Miles from the point to this provider. */
    double milesFrom(double lat, double lon) {
        return Geo.miles(lat, lon, this.lat, this.lon);
    }
}
