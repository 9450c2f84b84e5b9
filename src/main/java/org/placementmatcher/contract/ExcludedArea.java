package org.placementmatcher.contract;

/** A circle a child must not be placed in (e.g. an exploitation risk). */
public record ExcludedArea(double lat, double lon, double radiusMiles) {}
