package org.placementmatcher.data;

import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.domain.Geo;

/**
 * Real approximate town-centre coordinates and ONS codes for the sample data: the seed council
 * (Cambridgeshire), the authorities bordering it, and a few farther authorities where out-of-area
 * placements (especially children's homes) are commonly made. Synthetic points are drawn around
 * these towns with a few miles of jitter. Lists are fixed and iterated in order (determinism).
 */
final class Geography {

    /** Cambridgeshire County Council (ONS code), the seed council of docs/calibration.md. */
    static final String CAMBRIDGESHIRE = "E10000003";

    static final String PETERBOROUGH = "E06000031";
    static final String NORFOLK = "E10000020";
    static final String SUFFOLK = "E10000029";
    static final String ESSEX = "E10000012";
    static final String HERTFORDSHIRE = "E10000015";
    static final String CENTRAL_BEDFORDSHIRE = "E06000056";
    static final String BEDFORD = "E06000055";
    static final String NORTH_NORTHAMPTONSHIRE = "E06000061";
    static final String LINCOLNSHIRE = "E10000019";

    /** The authorities sharing a border with Cambridgeshire (the contract's {@code adjoiningAuthorities}). */
    static final List<String> ADJOINING_AUTHORITIES = List.of(
            PETERBOROUGH,
            NORFOLK,
            SUFFOLK,
            ESSEX,
            HERTFORDSHIRE,
            CENTRAL_BEDFORDSHIRE,
            BEDFORD,
            NORTH_NORTHAMPTONSHIRE,
            LINCOLNSHIRE);

    /** A town centre; {@code weight} is its relative share of the points drawn from its list. */
    record Town(String name, String authority, double lat, double lon, int weight, double jitterMiles) {
        Town(String name, String authority, double lat, double lon, int weight) {
            this(name, authority, lat, lon, weight, 3.0);
        }
    }

    /** Towns of Cambridgeshire, weighted roughly by population. */
    static final List<Town> HOME_COUNTY = List.of(
            new Town("Cambridge", CAMBRIDGESHIRE, 52.2053, 0.1218, 30),
            new Town("Huntingdon", CAMBRIDGESHIRE, 52.3313, -0.1826, 10),
            new Town("St Neots", CAMBRIDGESHIRE, 52.2286, -0.2690, 10),
            new Town("Wisbech", CAMBRIDGESHIRE, 52.6661, 0.1595, 9),
            new Town("Ely", CAMBRIDGESHIRE, 52.3990, 0.2624, 8),
            new Town("March", CAMBRIDGESHIRE, 52.5513, 0.0885, 7),
            new Town("St Ives", CAMBRIDGESHIRE, 52.3337, -0.0756, 6),
            new Town("Whittlesey", CAMBRIDGESHIRE, 52.5580, -0.1297, 4),
            new Town("Cambourne", CAMBRIDGESHIRE, 52.2210, -0.0690, 4),
            new Town("Chatteris", CAMBRIDGESHIRE, 52.4560, 0.0530, 3),
            new Town("Soham", CAMBRIDGESHIRE, 52.3337, 0.3367, 3),
            new Town("Ramsey", CAMBRIDGESHIRE, 52.4490, -0.1060, 3),
            new Town("Sawston", CAMBRIDGESHIRE, 52.1240, 0.1700, 3),
            new Town("Littleport", CAMBRIDGESHIRE, 52.4570, 0.3080, 2));

    /**
     * Family homes of the council's children: its own towns, plus a few families just over the
     * border in Peterborough (children stay with the council that took them into care).
     */
    static final List<Town> FAMILY_HOMES = List.of(
            new Town("Cambridge", CAMBRIDGESHIRE, 52.2053, 0.1218, 28),
            new Town("Peterborough", PETERBOROUGH, 52.5695, -0.2405, 4),
            new Town("Huntingdon", CAMBRIDGESHIRE, 52.3313, -0.1826, 11),
            new Town("Wisbech", CAMBRIDGESHIRE, 52.6661, 0.1595, 11),
            new Town("St Neots", CAMBRIDGESHIRE, 52.2286, -0.2690, 9),
            new Town("Ely", CAMBRIDGESHIRE, 52.3990, 0.2624, 7),
            new Town("March", CAMBRIDGESHIRE, 52.5513, 0.0885, 8),
            new Town("St Ives", CAMBRIDGESHIRE, 52.3337, -0.0756, 5),
            new Town("Whittlesey", CAMBRIDGESHIRE, 52.5580, -0.1297, 4),
            new Town("Chatteris", CAMBRIDGESHIRE, 52.4560, 0.0530, 3),
            new Town("Soham", CAMBRIDGESHIRE, 52.3337, 0.3367, 3),
            new Town("Ramsey", CAMBRIDGESHIRE, 52.4490, -0.1060, 2),
            new Town("Littleport", CAMBRIDGESHIRE, 52.4570, 0.3080, 2));

    /** Centres of the synthetic exploitation-risk areas (children's {@code excludedAreas}). */
    static final List<Town> RISK_AREAS = List.of(
            new Town("Peterborough", PETERBOROUGH, 52.5695, -0.2405, 4, 1.0),
            new Town("Cambridge", CAMBRIDGESHIRE, 52.2053, 0.1218, 3, 1.0),
            new Town("Wisbech", CAMBRIDGESHIRE, 52.6661, 0.1595, 2, 1.0),
            new Town("March", CAMBRIDGESHIRE, 52.5513, 0.0885, 1, 1.0),
            new Town("Huntingdon", CAMBRIDGESHIRE, 52.3313, -0.1826, 1, 1.0));

    /** Towns of the nine authorities bordering Cambridgeshire, weighted towards those near the county. */
    static final List<Town> ADJOINING = List.of(
            new Town("Peterborough", PETERBOROUGH, 52.5695, -0.2405, 24),
            new Town("King's Lynn", NORFOLK, 52.7517, 0.3958, 5),
            new Town("Norwich", NORFOLK, 52.6309, 1.2974, 2),
            new Town("Thetford", NORFOLK, 52.4130, 0.7500, 2),
            new Town("Downham Market", NORFOLK, 52.6020, 0.3830, 3),
            new Town("Ipswich", SUFFOLK, 52.0567, 1.1482, 1),
            new Town("Bury St Edmunds", SUFFOLK, 52.2463, 0.7111, 3),
            new Town("Newmarket", SUFFOLK, 52.2446, 0.4040, 5),
            new Town("Haverhill", SUFFOLK, 52.0826, 0.4380, 4),
            new Town("Lowestoft", SUFFOLK, 52.4811, 1.7300, 1, 1.5),
            new Town("Chelmsford", ESSEX, 51.7356, 0.4685, 1),
            new Town("Colchester", ESSEX, 51.8959, 0.8919, 1),
            new Town("Saffron Walden", ESSEX, 52.0226, 0.2390, 4),
            new Town("Harlow", ESSEX, 51.7727, 0.1023, 1),
            new Town("Braintree", ESSEX, 51.8780, 0.5530, 1),
            new Town("Stevenage", HERTFORDSHIRE, 51.9038, -0.1966, 2),
            new Town("Royston", HERTFORDSHIRE, 52.0480, -0.0240, 5),
            new Town("Hitchin", HERTFORDSHIRE, 51.9490, -0.2830, 2),
            new Town("Hertford", HERTFORDSHIRE, 51.7950, -0.0780, 1),
            new Town("St Albans", HERTFORDSHIRE, 51.7520, -0.3360, 1),
            new Town("Biggleswade", CENTRAL_BEDFORDSHIRE, 52.0870, -0.2640, 4),
            new Town("Sandy", CENTRAL_BEDFORDSHIRE, 52.1310, -0.2970, 4),
            new Town("Dunstable", CENTRAL_BEDFORDSHIRE, 51.8860, -0.5210, 1),
            new Town("Leighton Buzzard", CENTRAL_BEDFORDSHIRE, 51.9160, -0.6620, 1),
            new Town("Bedford", BEDFORD, 52.1360, -0.4670, 5),
            new Town("Corby", NORTH_NORTHAMPTONSHIRE, 52.4880, -0.7010, 2),
            new Town("Kettering", NORTH_NORTHAMPTONSHIRE, 52.3960, -0.7300, 2),
            new Town("Wellingborough", NORTH_NORTHAMPTONSHIRE, 52.3020, -0.6940, 1),
            new Town("Oundle", NORTH_NORTHAMPTONSHIRE, 52.4800, -0.4680, 2),
            new Town("Spalding", LINCOLNSHIRE, 52.7870, -0.1530, 4),
            new Town("Stamford", LINCOLNSHIRE, 52.6520, -0.4800, 4),
            new Town("Boston", LINCOLNSHIRE, 52.9789, -0.0266, 1),
            new Town("Lincoln", LINCOLNSHIRE, 53.2307, -0.5406, 1),
            new Town("Grantham", LINCOLNSHIRE, 52.9110, -0.6410, 1));

    /** Farther authorities ("at a distance"): London boroughs, Kent, the Midlands, the north-west coast. */
    static final List<Town> FAR = List.of(
            new Town("Enfield", "E09000010", 51.6523, -0.0807, 3, 2.0),
            new Town("Barnet", "E09000003", 51.6252, -0.1517, 2, 2.0),
            new Town("Croydon", "E09000008", 51.3762, -0.0982, 2, 2.0),
            new Town("Romford", "E09000016", 51.5768, 0.1801, 2, 2.0),
            new Town("Maidstone", "E10000016", 51.2704, 0.5227, 3),
            new Town("Ashford", "E10000016", 51.1465, 0.8750, 2),
            new Town("Margate", "E10000016", 51.3813, 1.3862, 2, 1.0),
            new Town("Birmingham", "E08000025", 52.4862, -1.8904, 3),
            new Town("Milton Keynes", "E06000042", 52.0406, -0.7594, 3),
            new Town("Loughborough", "E10000018", 52.7721, -1.2062, 2),
            new Town("Market Harborough", "E10000018", 52.4775, -0.9208, 2),
            new Town("Blackpool", "E06000009", 53.8175, -3.0357, 1, 1.5));

    /**
     * Where one authority's sample caseload lives: its own towns (providers "in the county"), its children's family
     * homes, the centres of their exploitation-risk areas, the towns of the adjoining authorities and the farther
     * ones where out-of-area placements are made. One generation block of {@link SampleDataGenerator} per area.
     */
    record Area(
            String authority,
            List<Town> homeCounty,
            List<Town> familyHomes,
            List<Town> riskAreas,
            List<Town> adjoining,
            List<Town> far) {}

    /** Cambridgeshire and its neighbours: the area of the single-authority sizes. */
    static final Area CAMBRIDGESHIRE_AREA =
            new Area(CAMBRIDGESHIRE, HOME_COUNTY, FAMILY_HOMES, RISK_AREAS, ADJOINING, FAR);

    /** Earth radius of the distance of docs/contract.md section 3. */
    private static final double MILES_PER_DEGREE_LAT = Math.PI * Geo.EARTH_RADIUS_MILES / 180.0;

    private Geography() {}

    /** A weighted random town of the list. */
    static Town pick(List<Town> towns, SplittableRandom rng) {
        int total = 0;
        for (Town t : towns) {
            total += t.weight();
        }
        int r = rng.nextInt(total);
        for (Town t : towns) {
            r -= t.weight();
            if (r < 0) {
                return t;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A point uniformly in the disc of {@code radiusMiles} around the given point, rounded to 5 decimals. */
    static double[] jitter(double lat, double lon, double radiusMiles, SplittableRandom rng) {
        double r = radiusMiles * Math.sqrt(rng.nextDouble());
        double theta = 2 * Math.PI * rng.nextDouble();
        double dLat = r * Math.cos(theta) / MILES_PER_DEGREE_LAT;
        double dLon = r * Math.sin(theta) / (MILES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
        return new double[] {round5(lat + dLat), round5(lon + dLon)};
    }

    static double[] around(Town town, SplittableRandom rng) {
        return jitter(town.lat(), town.lon(), town.jitterMiles(), rng);
    }

    static double round5(double degrees) {
        return Math.round(degrees * 100_000.0) / 100_000.0;
    }
}
