package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A circle a child must not be placed in (e.g. an exploitation risk); {@code postcode} labels its centre when
 * it was given by postcode (this project's extension, as for {@link GeoPoint}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExcludedArea(double lat, double lon, double radiusMiles, String postcode) {

    public ExcludedArea(double lat, double lon, double radiusMiles) {
        this(lat, lon, radiusMiles, null);
    }
}
