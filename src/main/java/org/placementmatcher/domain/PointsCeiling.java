package org.placementmatcher.domain;

import java.util.List;

/**
 * An upper bound on a unit's static soft points at any provider of the problem, for a unit whose candidates are not
 * every eligible provider ({@link PlacementUnit#omittedPointsAtLeast()}): the flow must let one urgency point outweigh
 * every soft total, including arcs that pricing may yet add from beyond the unit's list. Distance is bounded by the
 * triangle inequality through the providers' centre (the haversine is a metric).
 */
public final class PointsCeiling {

    private final ScoringWeights weights;
    private final double centreLat;
    private final double centreLon;
    /** The farthest provider from the centre, in miles. */
    private final double radiusMiles;

    private final long dearestCostPoints;

    public PointsCeiling(List<Provider> providers, ScoringWeights weights) {
        this.weights = weights;
        double lat = 0;
        double lon = 0;
        long dearest = 0;
        for (Provider p : providers) {
            lat += p.getLat();
            lon += p.getLon();
            dearest = Math.max(dearest, p.costPoints(weights.cost()));
        }
        int n = Math.max(1, providers.size());
        this.centreLat = lat / n;
        this.centreLon = lon / n;
        double radius = 0;
        for (Provider p : providers) {
            radius = Math.max(radius, Geo.miles(centreLat, centreLon, p.getLat(), p.getLon()));
        }
        this.radiusMiles = radius;
        this.dearestCostPoints = dearest;
    }

    /** No provider costs the unit more soft points than this ({@link PlacementUnit#staticSoftPoints}). */
    public long of(PlacementUnit unit) {
        long points = 0;
        for (Child child : unit.getMembers()) {
            double miles = Geo.miles(child.getFromLat(), child.getFromLon(), centreLat, centreLon) + radiusMiles;
            points += dearestCostPoints
                    + (long) Math.ceil(weights.distancePerMile() * miles)
                    + 1
                    + weights.outOfArea()
                    + weights.over20Miles()
                    + weights.move()
                    + weights.language()
                    + weights.religion();
        }
        return points;
    }
}
