package org.placementmatcher.domain;

/** Great-circle distances as the contract defines them (haversine, Earth radius 3958.8 miles). */
public final class Geo {

    public static final double EARTH_RADIUS_MILES = 3958.8;

    private Geo() {}

    public static double miles(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        return miles(phi1, Math.cos(phi1), lon1, phi2, Math.cos(phi2), lon2);
    }

    /**
     * The same formula, with each end's latitude already in radians and its cosine worked out: a child and a
     * provider each work theirs out once instead of once per pair. The operations and their order are those of
     * {@link #miles(double, double, double, double)}, so the result is the same to the last bit.
     */
    static double miles(double phi1, double cosPhi1, double lon1, double phi2, double cosPhi2, double lon2) {
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinHalfDPhi = Math.sin(dPhi / 2);
        double sinHalfDLambda = Math.sin(dLambda / 2);
        double a = sinHalfDPhi * sinHalfDPhi + cosPhi1 * cosPhi2 * sinHalfDLambda * sinHalfDLambda;
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
