package org.placementmatcher.domain;

/** An excluded area: no placement within {@code radiusMiles} of the centre. */
public record Circle(double lat, double lon, double radiusMiles) {

    public boolean contains(double pointLat, double pointLon) {
        return Geo.miles(lat, lon, pointLat, pointLon) <= radiusMiles;
    }
}
