package org.placementmatcher.data;

import static org.placementmatcher.data.Areas.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.placementmatcher.data.Areas.Council;
import org.placementmatcher.data.Areas.Member;
import org.placementmatcher.data.Geography.Town;

/**
 * The geography of the {@code rcc} size: the ten Greater Manchester councils of a regional care co-operative, the
 * authorities bordering Greater Manchester, and the farther ones where the co-operative's out-of-area placements are
 * made (see {@link Areas} for where the figures come from).
 */
final class GreaterManchesterAreas {

    /** Manchester City Council: the co-operative's host council, and so the problem's home authority. */
    static final String MANCHESTER = "E08000003";

    /** The co-operative's ten councils. */
    private static final List<Council> COUNCILS = List.of(
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
    private static final List<Council> AROUND = List.of(
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
    private static final List<Town> FAR = List.of(
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
    private static final List<String> AROUND_CODES =
            AROUND.stream().map(Council::code).toList();

    /**
     * The co-operative's {@code adjoiningAuthorities} in the object form (contract section 8), as the generator's
     * geography has it: each of the ten councils adjoined by the other nine and the authorities bordering Greater
     * Manchester (an approximation: not every council touches every bordering authority).
     */
    static Map<String, List<String>> adjoining() {
        return Areas.adjoiningWithin(List.of(COUNCILS), AROUND_CODES);
    }

    /**
     * The ten councils, each with its own towns as "the county", the other nine and the bordering authorities as
     * adjoining, and the north's cities and coast as far.
     */
    static List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (Council council : COUNCILS) {
            List<Town> adjoining = Areas.otherTownsOf(COUNCILS, council);
            AROUND.forEach(c -> adjoining.addAll(c.towns()));
            members.add(new Member(Areas.area(council, adjoining, FAR), council.weight()));
        }
        return members;
    }

    private GreaterManchesterAreas() {}
}
