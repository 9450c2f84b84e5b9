package org.placementmatcher.data.postcode;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;
import org.placementmatcher.contract.GeoPoint;

/**
 * The Ordnance Survey National Grid (OSGB36, EPSG:27700), converted to and from WGS84 by Proj4J.
 * The datum shift is EPSG's 7-parameter Helmert transformation (the {@code towgs84} of EPSG:27700),
 * good to a few metres across Great Britain: ample for distances in miles.
 */
public final class OsGrid {

    /** EPSG:27700 in PROJ terms, as the EPSG registry publishes it (so no EPSG database is needed). */
    private static final String BRITISH_NATIONAL_GRID = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717"
            + " +x_0=400000 +y_0=-100000 +ellps=airy"
            + " +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

    private static final String WGS84 = "+proj=longlat +datum=WGS84 +no_defs";

    private static final CoordinateReferenceSystem GRID;
    private static final CoordinateReferenceSystem LAT_LON;

    static {
        CRSFactory factory = new CRSFactory();
        GRID = factory.createFromParameters("EPSG:27700", BRITISH_NATIONAL_GRID);
        LAT_LON = factory.createFromParameters("EPSG:4326", WGS84);
    }

    /** Metres in a statute mile, as the DfE's distance divides (1.6093 km). */
    private static final double METRES_PER_MILE_DFE = 1609.3;

    private OsGrid() {}

    /** WGS84 latitude and longitude (degrees) of an OS grid reference (metres). */
    public static GeoPoint toWgs84(double easting, double northing) {
        // A transform keeps working state: one per call keeps this safe to share between threads.
        ProjCoordinate out = new BasicCoordinateTransform(GRID, LAT_LON)
                .transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
        return new GeoPoint(out.y, out.x);
    }

    /** OS grid reference {@code {easting, northing}} (metres) of a WGS84 point. */
    public static double[] fromWgs84(double lat, double lon) {
        ProjCoordinate out = new BasicCoordinateTransform(LAT_LON, GRID)
                .transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        return new double[] {out.x, out.y};
    }

    /**
     * The DfE's distance between two grid references, as the SSDA903 statistics count it: the straight line
     * on the grid, in miles of 1.6093 km (unrounded; the DfE publishes it to one decimal).
     */
    public static double dfeMiles(double easting1, double northing1, double easting2, double northing2) {
        return Math.hypot(easting2 - easting1, northing2 - northing1) / METRES_PER_MILE_DFE;
    }
}
