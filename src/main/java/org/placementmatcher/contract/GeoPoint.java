package org.placementmatcher.contract;

/** A point in decimal degrees (WGS84). */
public record GeoPoint(double lat, double lon) {}
