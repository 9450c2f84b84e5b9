package org.placementmatcher.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.placementmatcher.data.Geography.Area;
import org.placementmatcher.data.Geography.Town;

/**
 * The geography of the multi-authority sizes: the ten Greater Manchester councils of a regional care
 * co-operative ({@code rcc}), and authorities in every region of England ({@code national}). Real ONS codes
 * and approximate town-centre coordinates; the caseload weights are illustrative (roughly each authority's
 * share of children looked after, DfE 2024, rounded), not published figures. Lists are fixed (determinism).
 */
final class Areas {

    /** One authority of a multi-authority size and its relative share of the size's children and providers. */
    record Member(Area area, int weight) {}

    /** An authority with its towns (the first is its main town) and its caseload weight. */
    private record Council(String code, int weight, List<Town> towns) {
        Town main() {
            return towns.getFirst();
        }
    }

    private static Council council(String code, int weight, Object... nameLatLonWeight) {
        List<Town> towns = new ArrayList<>();
        for (int i = 0; i < nameLatLonWeight.length; i += 4) {
            towns.add(new Town(
                    (String) nameLatLonWeight[i],
                    code,
                    (Double) nameLatLonWeight[i + 1],
                    (Double) nameLatLonWeight[i + 2],
                    (Integer) nameLatLonWeight[i + 3]));
        }
        return new Council(code, weight, List.copyOf(towns));
    }

    // ---- Greater Manchester: the co-operative's ten councils ----

    static final String MANCHESTER = "E08000003";

    private static final List<Council> GREATER_MANCHESTER = List.of(
            council(
                    "E08000001",
                    6,
                    "Bolton",
                    53.5769,
                    -2.4282,
                    20,
                    "Farnworth",
                    53.5450,
                    -2.4000,
                    5,
                    "Horwich",
                    53.6010,
                    -2.5500,
                    4,
                    "Westhoughton",
                    53.5480,
                    -2.5230,
                    4),
            council(
                    "E08000002",
                    4,
                    "Bury",
                    53.5933,
                    -2.2966,
                    15,
                    "Radcliffe",
                    53.5610,
                    -2.3260,
                    5,
                    "Prestwich",
                    53.5330,
                    -2.2830,
                    5,
                    "Ramsbottom",
                    53.6480,
                    -2.3160,
                    3),
            council(
                    MANCHESTER,
                    14,
                    "Manchester",
                    53.4808,
                    -2.2426,
                    40,
                    "Wythenshawe",
                    53.3920,
                    -2.2640,
                    10,
                    "Gorton",
                    53.4640,
                    -2.1700,
                    8,
                    "Harpurhey",
                    53.5130,
                    -2.2200,
                    8,
                    "Moss Side",
                    53.4610,
                    -2.2480,
                    6),
            council(
                    "E08000004",
                    6,
                    "Oldham",
                    53.5409,
                    -2.1114,
                    20,
                    "Chadderton",
                    53.5460,
                    -2.1410,
                    5,
                    "Royton",
                    53.5660,
                    -2.1220,
                    4,
                    "Failsworth",
                    53.5090,
                    -2.1650,
                    4),
            council(
                    "E08000005",
                    6,
                    "Rochdale",
                    53.6097,
                    -2.1561,
                    20,
                    "Heywood",
                    53.5920,
                    -2.2190,
                    6,
                    "Middleton",
                    53.5550,
                    -2.1870,
                    8,
                    "Littleborough",
                    53.6440,
                    -2.0950,
                    3),
            council(
                    "E08000006",
                    7,
                    "Salford",
                    53.4875,
                    -2.2901,
                    20,
                    "Eccles",
                    53.4830,
                    -2.3340,
                    8,
                    "Swinton",
                    53.5120,
                    -2.3400,
                    6,
                    "Walkden",
                    53.5230,
                    -2.3990,
                    5),
            council(
                    "E08000007",
                    5,
                    "Stockport",
                    53.4106,
                    -2.1575,
                    25,
                    "Cheadle",
                    53.3930,
                    -2.2140,
                    6,
                    "Hazel Grove",
                    53.3750,
                    -2.1110,
                    5,
                    "Marple",
                    53.3940,
                    -2.0630,
                    4),
            council(
                    "E08000008",
                    7,
                    "Ashton-under-Lyne",
                    53.4890,
                    -2.0950,
                    15,
                    "Hyde",
                    53.4510,
                    -2.0790,
                    8,
                    "Stalybridge",
                    53.4840,
                    -2.0590,
                    6,
                    "Denton",
                    53.4560,
                    -2.1170,
                    6),
            council(
                    "E08000009",
                    4,
                    "Sale",
                    53.4250,
                    -2.3220,
                    12,
                    "Altrincham",
                    53.3870,
                    -2.3490,
                    10,
                    "Stretford",
                    53.4460,
                    -2.3080,
                    8,
                    "Urmston",
                    53.4480,
                    -2.3540,
                    5),
            council(
                    "E08000010",
                    6,
                    "Wigan",
                    53.5450,
                    -2.6325,
                    20,
                    "Leigh",
                    53.4970,
                    -2.5150,
                    10,
                    "Hindley",
                    53.5330,
                    -2.5750,
                    4,
                    "Ashton-in-Makerfield",
                    53.4870,
                    -2.6410,
                    4));

    /** The authorities outside Greater Manchester that border it. */
    private static final List<Council> AROUND_GREATER_MANCHESTER = List.of(
            council(
                    "E10000017",
                    0,
                    "Chorley",
                    53.6530,
                    -2.6320,
                    3,
                    "Preston",
                    53.7632,
                    -2.7031,
                    2,
                    "Rawtenstall",
                    53.7000,
                    -2.2880,
                    2),
            council("E06000008", 0, "Blackburn", 53.7480, -2.4820, 2, "Darwen", 53.6980, -2.4610, 2),
            council("E08000033", 0, "Halifax", 53.7210, -1.8620, 1, "Todmorden", 53.7130, -2.0970, 1),
            council("E08000034", 0, "Huddersfield", 53.6458, -1.7850, 1),
            council("E10000007", 0, "Glossop", 53.4430, -1.9490, 2, "Buxton", 53.2590, -1.9110, 1),
            council(
                    "E06000049",
                    0,
                    "Macclesfield",
                    53.2590,
                    -2.1250,
                    2,
                    "Wilmslow",
                    53.3260,
                    -2.2310,
                    2,
                    "Crewe",
                    53.0990,
                    -2.4410,
                    1),
            council("E06000007", 0, "Warrington", 53.3900, -2.5970, 3),
            council("E08000013", 0, "St Helens", 53.4540, -2.7370, 2));

    /** Farther authorities where the co-operative's out-of-area placements are made. */
    private static final List<Town> FAR_FROM_GREATER_MANCHESTER = List.of(
            new Town("Liverpool", "E08000012", 53.4084, -2.9916, 3),
            new Town("Leeds", "E08000035", 53.8008, -1.5491, 2),
            new Town("Sheffield", "E08000019", 53.3811, -1.4701, 2),
            new Town("Bradford", "E08000032", 53.7950, -1.7594, 2),
            new Town("Blackpool", "E06000009", 53.8175, -3.0357, 2, 1.5),
            new Town("Lancaster", "E10000017", 54.0470, -2.8010, 1),
            new Town("Stoke-on-Trent", "E06000021", 53.0027, -2.1794, 2),
            new Town("Birmingham", "E08000025", 52.4862, -1.8904, 1),
            new Town("Barrow-in-Furness", "E06000064", 54.1108, -3.2261, 1, 1.5));

    /** The authorities bordering Greater Manchester. */
    static final List<String> AROUND_GREATER_MANCHESTER_CODES =
            AROUND_GREATER_MANCHESTER.stream().map(Council::code).toList();

    /**
     * The co-operative's {@code adjoiningAuthorities} in the object form (contract section 8), as the generator's
     * geography has it: each of the ten councils adjoined by the other nine and the authorities bordering Greater
     * Manchester (an approximation: not every council touches every bordering authority).
     */
    static Map<String, List<String>> greaterManchesterAdjoining() {
        return adjoiningWithin(List.of(GREATER_MANCHESTER), AROUND_GREATER_MANCHESTER_CODES);
    }

    /** The national size's {@code adjoiningAuthorities}: each authority adjoined by the others of its region. */
    static Map<String, List<String>> nationalAdjoining() {
        return adjoiningWithin(REGIONS, List.of());
    }

    private static Map<String, List<String>> adjoiningWithin(List<List<Council>> groups, List<String> around) {
        Map<String, List<String>> adjoining = new TreeMap<>();
        for (List<Council> group : groups) {
            for (Council council : group) {
                List<String> codes = new ArrayList<>();
                group.stream().filter(other -> other != council).forEach(other -> codes.add(other.code()));
                codes.addAll(around);
                adjoining.put(council.code(), List.copyOf(codes));
            }
        }
        return adjoining;
    }

    /**
     * The ten councils, each with its own towns as "the county", the other nine and the bordering authorities as
     * adjoining, and the north's cities and coast as far.
     */
    static List<Member> greaterManchester() {
        List<Member> members = new ArrayList<>();
        for (Council council : GREATER_MANCHESTER) {
            List<Town> adjoining = new ArrayList<>();
            for (Council other : GREATER_MANCHESTER) {
                if (other != council) {
                    adjoining.addAll(other.towns());
                }
            }
            AROUND_GREATER_MANCHESTER.forEach(c -> adjoining.addAll(c.towns()));
            members.add(new Member(area(council, adjoining, FAR_FROM_GREATER_MANCHESTER), council.weight()));
        }
        return members;
    }

    // ---- England: authorities in each of the nine regions ----

    /** The ONS code of England: the "home authority" of the national size, whose children all carry their own. */
    static final String ENGLAND = "E92000001";

    private static final List<List<Council>> REGIONS = List.of(
            List.of( // North East
                    council("E08000021", 4, "Newcastle upon Tyne", 54.9783, -1.6178, 10),
                    council("E08000024", 3, "Sunderland", 54.9069, -1.3838, 10),
                    council("E06000047", 5, "Durham", 54.7761, -1.5733, 5, "Bishop Auckland", 54.6640, -1.6770, 4),
                    council("E06000002", 3, "Middlesbrough", 54.5742, -1.2350, 10)),
            List.of( // North West
                    council("E08000003", 7, "Manchester", 53.4808, -2.2426, 10, "Wythenshawe", 53.3920, -2.2640, 3),
                    council("E08000012", 7, "Liverpool", 53.4084, -2.9916, 10),
                    council(
                            "E10000017",
                            9,
                            "Preston",
                            53.7632,
                            -2.7031,
                            5,
                            "Burnley",
                            53.7890,
                            -2.2480,
                            4,
                            "Lancaster",
                            54.0470,
                            -2.8010,
                            3),
                    council("E06000063", 3, "Carlisle", 54.8925, -2.9329, 5, "Workington", 54.6420, -3.5430, 3)),
            List.of( // Yorkshire and the Humber
                    council("E08000035", 7, "Leeds", 53.8008, -1.5491, 10),
                    council("E08000019", 3, "Sheffield", 53.3811, -1.4701, 10),
                    council("E08000032", 6, "Bradford", 53.7950, -1.7594, 10),
                    council("E06000010", 4, "Kingston upon Hull", 53.7676, -0.3274, 10),
                    council("E06000065", 2, "Harrogate", 53.9920, -1.5410, 5, "Scarborough", 54.2830, -0.3990, 4)),
            List.of( // East Midlands
                    council("E10000024", 5, "Mansfield", 53.1430, -1.1970, 5, "Worksop", 53.3010, -1.1240, 4),
                    council("E10000007", 4, "Chesterfield", 53.2350, -1.4210, 5, "Buxton", 53.2590, -1.9110, 2),
                    council("E06000016", 3, "Leicester", 52.6369, -1.1398, 10),
                    council(
                            "E10000019",
                            4,
                            "Lincoln",
                            53.2307,
                            -0.5406,
                            5,
                            "Boston",
                            52.9789,
                            -0.0266,
                            3,
                            "Grantham",
                            52.9110,
                            -0.6410,
                            3)),
            List.of( // West Midlands
                    council("E08000025", 10, "Birmingham", 52.4862, -1.8904, 10),
                    council("E08000026", 4, "Coventry", 52.4068, -1.5197, 10),
                    council(
                            "E10000028",
                            7,
                            "Stafford",
                            52.8070,
                            -2.1170,
                            4,
                            "Tamworth",
                            52.6330,
                            -1.6950,
                            3,
                            "Cannock",
                            52.6910,
                            -2.0320,
                            3),
                    council("E06000051", 2, "Shrewsbury", 52.7080, -2.7540, 5)),
            List.of( // East of England
                    council(
                            "E10000003",
                            3,
                            "Cambridge",
                            52.2053,
                            0.1218,
                            5,
                            "Huntingdon",
                            52.3313,
                            -0.1826,
                            3,
                            "Wisbech",
                            52.6661,
                            0.1595,
                            3),
                    council("E10000020", 6, "Norwich", 52.6309, 1.2974, 5, "King's Lynn", 52.7517, 0.3958, 3),
                    council(
                            "E10000012",
                            6,
                            "Chelmsford",
                            51.7356,
                            0.4685,
                            4,
                            "Colchester",
                            51.8959,
                            0.8919,
                            4,
                            "Basildon",
                            51.5760,
                            0.4880,
                            4),
                    council(
                            "E10000015",
                            5,
                            "Stevenage",
                            51.9038,
                            -0.1966,
                            3,
                            "St Albans",
                            51.7520,
                            -0.3360,
                            3,
                            "Watford",
                            51.6560,
                            -0.3900,
                            3)),
            List.of( // London
                    council("E09000008", 3, "Croydon", 51.3762, -0.0982, 10),
                    council("E09000022", 2, "Brixton", 51.4613, -0.1156, 10),
                    council("E09000025", 2, "Stratford", 51.5413, -0.0031, 10),
                    council("E09000010", 2, "Enfield", 51.6523, -0.0807, 10),
                    council("E09000003", 2, "Barnet", 51.6252, -0.1517, 10),
                    council("E09000009", 2, "Ealing", 51.5130, -0.3040, 10)),
            List.of( // South East
                    council(
                            "E10000016",
                            10,
                            "Maidstone",
                            51.2704,
                            0.5227,
                            4,
                            "Ashford",
                            51.1465,
                            0.8750,
                            3,
                            "Margate",
                            51.3813,
                            1.3862,
                            3),
                    council(
                            "E10000014",
                            8,
                            "Winchester",
                            51.0632,
                            -1.3080,
                            3,
                            "Basingstoke",
                            51.2665,
                            -1.0924,
                            4,
                            "Andover",
                            51.2080,
                            -1.4800,
                            2),
                    council("E10000030", 5, "Guildford", 51.2362, -0.5704, 4, "Woking", 51.3190, -0.5580, 3),
                    council("E10000032", 4, "Crawley", 51.1092, -0.1872, 4, "Worthing", 50.8180, -0.3720, 3),
                    council("E06000043", 2, "Brighton", 50.8225, -0.1372, 10)),
            List.of( // South West
                    council("E06000023", 3, "Bristol", 51.4545, -2.5879, 10),
                    council("E10000008", 4, "Exeter", 50.7184, -3.5339, 5, "Barnstaple", 51.0800, -4.0580, 3),
                    council("E06000052", 3, "Truro", 50.2632, -5.0510, 4, "Penzance", 50.1180, -5.5370, 3),
                    council("E06000026", 2, "Plymouth", 50.3755, -4.1427, 10),
                    council("E06000066", 3, "Taunton", 51.0150, -3.1030, 4, "Yeovil", 50.9420, -2.6330, 3)));

    /**
     * Every authority of {@link #REGIONS}, each with its own towns as "the county", the other towns of its region
     * as adjoining, and the main town of every authority of the other regions as far.
     */
    static List<Member> england() {
        List<Member> members = new ArrayList<>();
        for (List<Council> region : REGIONS) {
            List<Town> far = new ArrayList<>();
            for (List<Council> other : REGIONS) {
                if (other != region) {
                    other.forEach(c -> far.add(c.main()));
                }
            }
            for (Council council : region) {
                List<Town> adjoining = new ArrayList<>();
                for (Council other : region) {
                    if (other != council) {
                        adjoining.addAll(other.towns());
                    }
                }
                members.add(new Member(area(council, adjoining, far), council.weight()));
            }
        }
        return members;
    }

    private static Area area(Council council, List<Town> adjoining, List<Town> far) {
        List<Town> riskAreas = council.towns().stream()
                .map(t -> new Town(t.name(), t.authority(), t.lat(), t.lon(), t.weight(), 1.0))
                .toList();
        return new Area(
                council.code(), council.towns(), council.towns(), riskAreas, List.copyOf(adjoining), List.copyOf(far));
    }

    private Areas() {}
}
