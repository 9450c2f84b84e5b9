package org.placementmatcher.data;

import static org.placementmatcher.data.IdNumbering.pad;
import static org.placementmatcher.data.RandomDraws.pick;
import static org.placementmatcher.data.RandomDraws.pickIndex;
import static org.placementmatcher.data.RandomDraws.shuffle;
import static org.placementmatcher.data.SampleCalibration.AGE_10_15;
import static org.placementmatcher.data.SampleCalibration.AGE_16_PLUS;
import static org.placementmatcher.data.SampleCalibration.APART_BY_SIZE;
import static org.placementmatcher.data.SampleCalibration.COMPLEX_BEHAVIOUR;
import static org.placementmatcher.data.SampleCalibration.DISABILITY_CARE;
import static org.placementmatcher.data.SampleCalibration.FEMALE;
import static org.placementmatcher.data.SampleCalibration.GROUP_SIZE;
import static org.placementmatcher.data.SampleCalibration.MALE;
import static org.placementmatcher.data.SampleCalibration.MALE_SHARE;
import static org.placementmatcher.data.SampleCalibration.MEDICAL;
import static org.placementmatcher.data.SampleCalibration.PARENT_AND_CHILD;
import static org.placementmatcher.data.SampleCalibration.THERAPEUTIC;
import static org.placementmatcher.data.SampleCalibration.UASC_AGED_16_17;
import static org.placementmatcher.data.SampleCalibration.UASC_MALE;
import static org.placementmatcher.data.SampleCalibration.UASC_SHARE;
import static org.placementmatcher.data.SampleCalibration.UASC_SUPPORT;
import static org.placementmatcher.data.SampleCalibration.WHEELCHAIR_ACCESS;
import static org.placementmatcher.data.SampleDataGenerator.REFERENCE_DATE;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.placementmatcher.contract.ExcludedArea;
import org.placementmatcher.data.Geography.Town;

/**
 * One authority's children: drawn in sibling groups (ages, gender, UASC, needs, flags) from its family homes, numbered
 * on from the blocks before, and gathered into placement units (a {@code placeTogether} group is one unit). The first
 * step of a block; like every step it draws on the block's one random source, so the order of its draws is part of
 * what a seed gives.
 */
final class ChildDraw {
    private final Geography.Area area;
    private final int childTarget;
    private final SplittableRandom rng;
    private final IdNumbering numbering;
    private final String responsibleAuthority;
    final List<DraftChild> kids = new ArrayList<>();
    final List<DraftSiblingGroup> groups = new ArrayList<>();
    final List<DraftUnit> units = new ArrayList<>();

    ChildDraw(
            Geography.Area area,
            int childTarget,
            SplittableRandom rng,
            IdNumbering numbering,
            String responsibleAuthority) {
        this.area = area;
        this.childTarget = childTarget;
        this.rng = rng;
        this.numbering = numbering;
        this.responsibleAuthority = responsibleAuthority;
    }

    void buildChildren() {
        int target = childTarget;
        int uascCount = (int) Math.round(target * UASC_SHARE);
        List<List<DraftChild>> drawn = new ArrayList<>();
        int count = 0;
        while (count < target - uascCount) {
            int groupSize = Math.min(pickIndex(rng, GROUP_SIZE) + 1, target - uascCount - count);
            drawn.add(siblings(groupSize));
            count += groupSize;
        }
        for (int i = 0; i < uascCount; i++) {
            drawn.add(List.of(uascChild()));
        }
        shuffle(rng, drawn);
        int groupWidth = numbering.groupWidth > 0
                ? numbering.groupWidth
                : Math.max(3, String.valueOf(drawn.size()).length());
        int childWidth = numbering.childWidth > 0
                ? numbering.childWidth
                : Math.max(4, String.valueOf(target).length());
        for (List<DraftChild> members : drawn) {
            DraftSiblingGroup group = null;
            if (members.size() > 1) {
                group = new DraftSiblingGroup();
                group.id = "SG-" + pad(numbering.groups + groups.size() + 1, groupWidth);
                group.together = rng.nextDouble() >= APART_BY_SIZE[members.size()];
                groups.add(group);
            }
            for (DraftChild kid : members) {
                kid.id = "C-" + pad(numbering.children + kids.size() + 1, childWidth);
                kid.responsibleAuthority = responsibleAuthority;
                kid.group = group;
                kids.add(kid);
            }
            if (group == null || group.together) {
                units.add(new DraftUnit(List.copyOf(members)));
            } else {
                for (DraftChild kid : members) {
                    units.add(new DraftUnit(List.of(kid)));
                }
            }
        }
        for (DraftChild kid : kids) {
            if (kid.group == null && !kid.uasc) {
                singleFlags(kid);
            }
        }
    }

    private List<DraftChild> siblings(int groupSize) {
        Town town = Geography.pick(area.familyHomes(), rng);
        double[] home = Geography.around(town, rng);
        List<DraftChild> members = new ArrayList<>();
        int age = drawAge();
        for (int i = 0; i < groupSize; i++) {
            if (i > 0) {
                int gap = rng.nextDouble() < 0.06 ? 0 : 1 + rng.nextInt(4);
                int next = rng.nextBoolean() ? age + gap : age - gap;
                age = Math.clamp(next < 0 || next > 17 ? age - (next - age) : next, 0, 17);
            }
            // calibration.md: boys 56% overall; UASC (95% boys) are drawn apart, so the rest are adjusted.
            double male = (MALE_SHARE - UASC_SHARE * UASC_MALE) / (1 - UASC_SHARE);
            DraftChild kid = newKid(age, rng.nextDouble() < male ? MALE : FEMALE, town, home);
            if (i > 0 && kid.age == members.getLast().age && rng.nextBoolean()) {
                kid.dateOfBirth = members.getLast().dateOfBirth; // twins
            }
            ordinaryNeeds(kid);
            LanguagesAndReligions.ofOrdinaryChild(kid, rng);
            members.add(kid);
        }
        return members;
    }

    /** Age of a child who is not UASC, so that the whole caseload matches calibration.md's bands. */
    private int drawAge() {
        double uasc16 = UASC_SHARE * UASC_AGED_16_17;
        double uascYounger = UASC_SHARE * (1 - UASC_AGED_16_17);
        double p16 = (AGE_16_PLUS - uasc16) / (1 - UASC_SHARE);
        double p10 = (AGE_10_15 - uascYounger) / (1 - UASC_SHARE);
        double u = rng.nextDouble();
        if (u < p16) {
            return 16 + rng.nextInt(2);
        }
        if (u < p16 + p10) {
            return 10 + rng.nextInt(6);
        }
        // Under 10: DfE bands under 1 (5%), 1-4 (14%), 5-9 (16%) of all children (not in calibration.md).
        double v = rng.nextDouble() * 35;
        if (v < 5) {
            return 0;
        }
        return v < 19 ? 1 + rng.nextInt(4) : 5 + rng.nextInt(5);
    }

    private DraftChild uascChild() {
        DraftChild kid;
        // calibration.md: UASC 87% aged 16-17, 95% boys.
        int age = rng.nextDouble() < UASC_AGED_16_17 ? 16 + rng.nextInt(2) : 14 + rng.nextInt(2);
        String gender = rng.nextDouble() < UASC_MALE ? MALE : FEMALE;
        Town town = Geography.pick(area.familyHomes(), rng);
        kid = newKid(age, gender, town, Geography.around(town, rng));
        kid.uasc = true;
        kid.addNeed(UASC_SUPPORT);
        if (rng.nextDouble() < 0.06) {
            kid.addNeed(THERAPEUTIC);
        }
        if (rng.nextDouble() < 0.03) {
            kid.addNeed(MEDICAL);
        }
        String language = pick(rng, new String[] {"ar", "ps", "ku", "ti"}, new double[] {0.30, 0.30, 0.20, 0.20});
        kid.languages = rng.nextDouble() < 0.25 ? List.of(language, "en") : List.of(language);
        if (language.equals("ti")) {
            kid.religion = rng.nextDouble() < 0.8 ? "Christian" : null;
        } else {
            kid.religion = rng.nextDouble() < 0.75 ? "Muslim" : null;
        }
        // Many UASC have no school place yet.
        double schooled = age >= 16 ? 0.30 : 0.70;
        kid.school = rng.nextDouble() < schooled ? Geography.jitter(kid.homeLat, kid.homeLon, 4, rng) : null;
        return kid;
    }

    private DraftChild newKid(int age, String gender, Town town, double[] home) {
        DraftChild kid = new DraftChild();
        kid.age = age;
        kid.gender = gender;
        kid.homeTown = town;
        kid.homeLat = home[0];
        kid.homeLon = home[1];
        LocalDate dob = REFERENCE_DATE.minusYears(age).minusDays(rng.nextInt(365));
        if (Period.between(dob, REFERENCE_DATE).getYears() != age) {
            dob = REFERENCE_DATE.minusYears(age);
        }
        kid.dateOfBirth = dob;
        double schooled = age < 4 ? 0 : age == 4 ? 0.6 : age <= 15 ? 0.93 : 0.65;
        if (rng.nextDouble() < schooled) {
            kid.school = Geography.jitter(home[0], home[1], age < 11 ? 2.5 : 5, rng);
        }
        return kid;
    }

    /** Needs at illustrative low rates (calibration.md has no figure for them). */
    private void ordinaryNeeds(DraftChild kid) {
        if (rng.nextDouble() < 0.05) {
            kid.addNeed(DISABILITY_CARE);
        }
        if (rng.nextDouble() < 0.02) {
            kid.addNeed(WHEELCHAIR_ACCESS);
            if (rng.nextDouble() < 0.6) {
                kid.addNeed(DISABILITY_CARE);
            }
        }
        if (kid.age >= 8 && rng.nextDouble() < 0.10) {
            kid.addNeed(COMPLEX_BEHAVIOUR);
        }
        if (kid.age >= 5 && rng.nextDouble() < 0.06) {
            kid.addNeed(THERAPEUTIC);
        }
        if (rng.nextDouble() < 0.03) {
            kid.addNeed(MEDICAL);
        }
        if (kid.gender.equals(FEMALE) && kid.age >= 15 && rng.nextDouble() < 0.06) {
            kid.addNeed(PARENT_AND_CHILD);
        }
    }

    /** Flags kept to children without siblings, so no sibling group ever holds a conflict of its own. */
    private void singleFlags(DraftChild kid) {
        if (kid.age >= 11 && rng.nextDouble() < 0.05) {
            kid.risk = true;
        } else if (kid.age >= 10 && rng.nextDouble() < 0.025) {
            kid.sole = true;
            if (rng.nextBoolean()) {
                kid.addNeed(COMPLEX_BEHAVIOUR);
            }
        }
        if (kid.age >= 12 && rng.nextDouble() < 0.06) {
            int areas = rng.nextDouble() < 0.75 ? 1 : 2;
            for (int i = 0; i < areas; i++) {
                Town centre = Geography.pick(area.riskAreas(), rng);
                double[] point = Geography.around(centre, rng);
                double radius = 3 + rng.nextInt(6);
                boolean duplicate = kid.excluded.stream().anyMatch(a -> a.lat() == point[0] && a.lon() == point[1]);
                if (!duplicate) {
                    kid.excluded.add(new ExcludedArea(point[0], point[1], radius));
                }
            }
        }
    }
}
