package org.placementmatcher.data.ssda903;

/** Where a postcode is, as the import needs it: a point and the upper-tier authority it lies in. */
@FunctionalInterface
public interface Ssda903Postcodes {

    /** A resolved postcode, as the directory writes it. */
    record Place(String postcode, double lat, double lon, String authority) {}

    /** The postcode's place, or null when the directory does not know it. */
    Place find(String postcode);
}
