package org.placementmatcher.domain;

/** Great-circle distances as the contract defines them (haversine, Earth radius 3958.8 miles). */
public final class Geo {

    public static final double EARTH_RADIUS_MILES = 3958.8;

    private Geo() {}

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
