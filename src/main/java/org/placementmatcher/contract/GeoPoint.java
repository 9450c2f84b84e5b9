package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A point in decimal degrees (WGS84), with the postcode it stands for when one was given (this project's
 * extension of docs/contract.md section 9: when both are given the coordinates stand and the postcode is a label).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeoPoint(double lat, double lon, String postcode) {

    public GeoPoint(double lat, double lon) {
        this(lat, lon, null);
    }

    /** The same point labelled with a postcode. */
    public GeoPoint withPostcode(String label) {
        return new GeoPoint(lat, lon, label);
    }
}
