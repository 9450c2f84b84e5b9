package org.placementmatcher.data;

import static org.placementmatcher.data.Areas.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.placementmatcher.data.Areas.Council;
import org.placementmatcher.data.Areas.Member;
import org.placementmatcher.data.Geography.Town;

/**
 * The geography of the {@code national} size: a few authorities in each of England's nine regions (see {@link Areas}
 * for where the figures come from). Each region stands for what adjoins its authorities and the rest of England for
 * what is far from them.
 */
final class EnglandAreas {

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

    /** The national size's {@code adjoiningAuthorities}: each authority adjoined by the others of its region. */
    static Map<String, List<String>> adjoining() {
        return Areas.adjoiningWithin(REGIONS, List.of());
    }

    /**
     * Every authority of {@link #REGIONS}, each with its own towns as "the county", the other towns of its region
     * as adjoining, and the main town of every authority of the other regions as far.
     */
    static List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (List<Council> region : REGIONS) {
            List<Town> far = new ArrayList<>();
            for (List<Council> other : REGIONS) {
                if (other != region) {
                    other.forEach(c -> far.add(c.main()));
                }
            }
            for (Council council : region) {
                members.add(
                        new Member(Areas.area(council, Areas.otherTownsOf(region, council), far), council.weight()));
            }
        }
        return members;
    }

    private EnglandAreas() {}
}
