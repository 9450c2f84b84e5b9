package org.placementmatcher.data;

import static org.placementmatcher.data.SampleCalibration.CAPABILITIES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ExcludedArea;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.data.Geography.Town;
import org.placementmatcher.domain.Urgency;

/**
 * A child of the working model (mutable while generating; written out as the contract's records): drawn with its
 * sibling group, then given its current placement, urgency and hidden reserved place.
 */
final class DraftChild {
    String id;
    int age;
    LocalDate dateOfBirth;
    String gender;
    boolean uasc;
    DraftSiblingGroup group;
    Town homeTown;
    double homeLat;
    double homeLon;
    double[] school;
    /** Labels written with the points, set once the data is complete. */
    String homePostcode;

    String schoolPostcode;
    final List<String> needs = new ArrayList<>();
    Urgency urgency;
    LocalDate neededBy;
    DraftProvider current;
    boolean pinned;
    boolean needsMove;
    boolean risk;
    boolean sole;
    /** Not in a placement now. */
    boolean waiting;
    /** Deliberately left without any eligible provider. */
    boolean hard;

    final List<ExcludedArea> excluded = new ArrayList<>();
    List<String> languages;
    String religion;
    /** Set in the multi-authority sizes only: the council the child belongs to. */
    String responsibleAuthority;

    /**
     * The child as the contract writes it, with the given current placement and its excluded areas widened
     * by {@code areaMargin} miles (0 for the written file).
     */
    ChildInput toInput(String currentPlacement, double areaMargin) {
        List<ExcludedArea> areas = excluded.stream()
                .map(a -> areaMargin == 0 ? a : new ExcludedArea(a.lat(), a.lon(), a.radiusMiles() + areaMargin))
                .toList();
        return new ChildInput(
                id,
                dateOfBirth,
                gender,
                group == null ? null : group.id,
                group == null ? null : group.together,
                new GeoPoint(homeLat, homeLon, homePostcode),
                school == null ? null : new GeoPoint(school[0], school[1], schoolPostcode),
                needs.isEmpty() ? null : List.copyOf(needs),
                urgency,
                neededBy,
                currentPlacement,
                pinned ? Boolean.TRUE : null,
                needsMove ? Boolean.TRUE : null,
                risk ? Boolean.TRUE : null,
                sole ? Boolean.TRUE : null,
                areas.isEmpty() ? null : areas,
                languages,
                religion,
                responsibleAuthority);
    }

    /** Adds the need, keeping the needs in the order the codes are written ({@link SampleCalibration#CAPABILITIES}). */
    void addNeed(String code) {
        if (!needs.contains(code)) {
            needs.add(code);
            needs.sort((a, b) -> Integer.compare(CAPABILITIES.indexOf(a), CAPABILITIES.indexOf(b)));
        }
    }
}
