package org.placementmatcher.data.postcode;

import org.placementmatcher.contract.GeoPoint;

/**
 * A postcode found in the directory: its canonical form, its local authority district (lower tier, e.g.
 * E07000008), the upper-tier authority that district belongs to (e.g. E10000003; a unitary, metropolitan or
 * London district is its own), its OS grid reference (metres) and that reference in WGS84 degrees.
 */
public record ResolvedPostcode(
        String postcode,
        String districtCode,
        String upperTierAuthority,
        double easting,
        double northing,
        double lat,
        double lon) {

    public GeoPoint point() {
        return new GeoPoint(lat, lon);
    }
}
