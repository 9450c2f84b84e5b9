package org.placementmatcher.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.matching.MatchResult.Option;

/**
 * A map that needs no internet access: the options (numbered as in the list), the children's homes and schools,
 * and the other providers nearby, projected from latitude and longitude onto a plain background with a scale bar
 * in miles and a north arrow, drawn by the server as SVG. No tile server: an equirectangular projection scaled by
 * the cosine of the latitude is accurate to a few per cent at county scale, which is what a placement officer
 * reads it at. Other providers are drawn only inside the frame and at most {@value #MAX_OTHER_PROVIDERS}, so a
 * region never draws thousands of points.
 */
@TemplateData
public record PlacementMap(
        int width,
        int height,
        List<Marker> options,
        List<Marker> homes,
        List<Marker> schools,
        List<Marker> others,
        int othersLeftOut,
        String scaleLabel,
        String scaleBarEnd,
        String scaleBarY,
        String description) {

    static final int WIDTH = 640;
    static final int HEIGHT = 440;
    static final int MARGIN = 36;
    static final int MAX_OTHER_PROVIDERS = 400;
    private static final double MILES_PER_DEGREE = Geo.EARTH_RADIUS_MILES * Math.PI / 180;
    /** The smallest span the map shows, so one option on the child's doorstep is not drawn at street scale. */
    private static final double MIN_SPAN_MILES = 4;

    private static final double[] NICE_MILES = {0.5, 1, 2, 5, 10, 20, 50, 100, 200};

    /** A point on the map: SVG coordinates, its label (an option's rank) and what it is, in words. */
    @TemplateData
    public record Marker(String x, String y, String label, String title) {}

    static PlacementMap of(
            List<ChildInput> children, List<Option> options, Map<String, Provider> byId, List<Provider> all) {
        List<double[]> focus = new ArrayList<>();
        for (ChildInput child : children) {
            focus.add(new double[] {child.home().lat(), child.home().lon()});
            if (child.school() != null) {
                focus.add(new double[] {child.school().lat(), child.school().lon()});
            }
        }
        for (Option option : options) {
            Provider p = byId.get(option.providerId());
            focus.add(new double[] {p.getLat(), p.getLon()});
        }
        double minLat = focus.stream().mapToDouble(f -> f[0]).min().orElse(0);
        double maxLat = focus.stream().mapToDouble(f -> f[0]).max().orElse(0);
        double minLon = focus.stream().mapToDouble(f -> f[1]).min().orElse(0);
        double maxLon = focus.stream().mapToDouble(f -> f[1]).max().orElse(0);
        double lat0 = (minLat + maxLat) / 2;
        double lon0 = (minLon + maxLon) / 2;
        double cos = Math.cos(Math.toRadians(lat0));
        double spanX = Math.max((maxLon - minLon) * cos * MILES_PER_DEGREE, MIN_SPAN_MILES);
        double spanY = Math.max((maxLat - minLat) * MILES_PER_DEGREE, MIN_SPAN_MILES);
        double pixelsPerMile = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
        Projection projection = new Projection(lat0, lon0, cos, pixelsPerMile);

        List<Marker> optionMarkers = new ArrayList<>();
        for (Option option : options) {
            Provider p = byId.get(option.providerId());
            optionMarkers.add(projection.marker(
                    p.getLat(),
                    p.getLon(),
                    String.valueOf(option.rank()),
                    "Option " + option.rank() + ": " + p.getId()));
        }
        List<Marker> homes = new ArrayList<>();
        List<Marker> schools = new ArrayList<>();
        for (ChildInput child : children) {
            homes.add(marker(projection, child.home(), "Home of " + child.id()));
            if (child.school() != null) {
                schools.add(marker(projection, child.school(), "School of " + child.id()));
            }
        }
        List<String> shown = options.stream().map(Option::providerId).toList();
        List<Marker> others = new ArrayList<>();
        int leftOut = 0;
        for (Provider p : all) {
            if (shown.contains(p.getId()) || !projection.inFrame(p.getLat(), p.getLon())) {
                continue;
            }
            if (others.size() < MAX_OTHER_PROVIDERS) {
                others.add(projection.marker(p.getLat(), p.getLon(), "", "Provider " + p.getId()));
            } else {
                leftOut++;
            }
        }
        double barMiles = NICE_MILES[0];
        for (double miles : NICE_MILES) {
            if (miles * pixelsPerMile <= WIDTH / 4.0) {
                barMiles = miles;
            }
        }
        String scaleLabel =
                (barMiles == Math.rint(barMiles) ? String.valueOf((long) barMiles) : String.valueOf(barMiles))
                        + (barMiles == 1 ? " mile" : " miles");
        String description = String.format(
                Locale.UK,
                "Map with north at the top: %d option%s numbered as in the list, %d home%s, %d school%s and %d other "
                        + "provider%s nearby. The scale bar shows %s.",
                options.size(),
                options.size() == 1 ? "" : "s",
                homes.size(),
                homes.size() == 1 ? "" : "s",
                schools.size(),
                schools.size() == 1 ? "" : "s",
                others.size(),
                others.size() == 1 ? "" : "s",
                scaleLabel);
        return new PlacementMap(
                WIDTH,
                HEIGHT,
                optionMarkers,
                homes,
                schools,
                others,
                leftOut,
                scaleLabel,
                number(16 + barMiles * pixelsPerMile),
                number(HEIGHT - 16.0),
                description);
    }

    private static Marker marker(Projection projection, GeoPoint point, String title) {
        return projection.marker(point.lat(), point.lon(), "", title);
    }

    private record Projection(double lat0, double lon0, double cos, double pixelsPerMile) {
        double x(double lon) {
            return WIDTH / 2.0 + (lon - lon0) * cos * MILES_PER_DEGREE * pixelsPerMile;
        }

        double y(double lat) {
            return HEIGHT / 2.0 - (lat - lat0) * MILES_PER_DEGREE * pixelsPerMile;
        }

        boolean inFrame(double lat, double lon) {
            double x = x(lon);
            double y = y(lat);
            return x >= 4 && x <= WIDTH - 4 && y >= 4 && y <= HEIGHT - 4;
        }

        Marker marker(double lat, double lon, String label, String title) {
            return new Marker(number(x(lon)), number(y(lat)), label, title);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
