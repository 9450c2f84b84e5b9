package org.placementmatcher.data;

import static org.placementmatcher.data.IdNumbering.pad;
import static org.placementmatcher.data.SampleCalibration.AGE_10_15;
import static org.placementmatcher.data.SampleCalibration.AGE_16_PLUS;
import static org.placementmatcher.data.SampleCalibration.APART_BY_SIZE;
import static org.placementmatcher.data.SampleCalibration.CAPABILITIES;
import static org.placementmatcher.data.SampleCalibration.CAPABILITY_RATES;
import static org.placementmatcher.data.SampleCalibration.COMPLEX_BEHAVIOUR;
import static org.placementmatcher.data.SampleCalibration.CONNECTED_NEAR_HOME;
import static org.placementmatcher.data.SampleCalibration.DISABILITY_CARE;
import static org.placementmatcher.data.SampleCalibration.EMERGENCY_RATE;
import static org.placementmatcher.data.SampleCalibration.FEMALE;
import static org.placementmatcher.data.SampleCalibration.FUTURE_AVAILABILITY;
import static org.placementmatcher.data.SampleCalibration.GENDER_RESTRICTED;
import static org.placementmatcher.data.SampleCalibration.GROUP_SIZE;
import static org.placementmatcher.data.SampleCalibration.HARD_SHARE;
import static org.placementmatcher.data.SampleCalibration.LOCATION_SHARES;
import static org.placementmatcher.data.SampleCalibration.MALE;
import static org.placementmatcher.data.SampleCalibration.MALE_SHARE;
import static org.placementmatcher.data.SampleCalibration.MEDICAL;
import static org.placementmatcher.data.SampleCalibration.NEEDS_MOVE_SHARE;
import static org.placementmatcher.data.SampleCalibration.PARENT_AND_CHILD;
import static org.placementmatcher.data.SampleCalibration.PINNED_SHARE;
import static org.placementmatcher.data.SampleCalibration.PLACED_SHARE;
import static org.placementmatcher.data.SampleCalibration.PLACEMENT_MIX;
import static org.placementmatcher.data.SampleCalibration.TARGET_VACANCY;
import static org.placementmatcher.data.SampleCalibration.THERAPEUTIC;
import static org.placementmatcher.data.SampleCalibration.UASC_AGED_16_17;
import static org.placementmatcher.data.SampleCalibration.UASC_MALE;
import static org.placementmatcher.data.SampleCalibration.UASC_SHARE;
import static org.placementmatcher.data.SampleCalibration.UASC_SUPPORT;
import static org.placementmatcher.data.SampleCalibration.WAITING_EMERGENCY;
import static org.placementmatcher.data.SampleCalibration.WAITING_URGENT;
import static org.placementmatcher.data.SampleCalibration.WHEELCHAIR_ACCESS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ExcludedArea;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.Geography.Town;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.solver.ProblemMapper;

/**
 * Synthetic sample caseloads for Cambridgeshire (the seed council of calibration.md): pseudonymous
 * children ("C-0001"), fostering households, children's homes and supported lodgings ("P-0001"),
 * calibrated on the national figures of {@code docs/calibration.md}. Nothing is real
 * except the town coordinates and the ONS authority codes.
 *
 * <p>How it is built, so that the problem is meaningful for the solver:
 * <ol>
 * <li>Children are drawn in sibling groups (ages, gender, UASC, needs, flags), then about 72% of
 * them are chosen to be in a placement already.</li>
 * <li>Each placed child (or {@code placeTogether} sibling group) is given a current placement by a
 * greedy pass that checks every hard rule of the contract's section 2 (through {@link PlacementRules},
 * on the engine's own view of the children and providers); when no existing provider
 * of the chosen type has a free, eligible place, a provider is created for it. So the current
 * placements are feasible by construction.</li>
 * <li>Every waiting child and every {@code needsMove} child gets a hidden <em>reserved</em> place,
 * again checked against every hard rule together with everyone else there. The reservations are
 * not written out; they prove that a feasible plan placing all of those children exists.</li>
 * <li>A few waiting children (about 2%) are deliberately left without any option: emergencies
 * with rare combined needs whose matching households are not emergency-approved. They show
 * "unplaced only where supply truly runs out".</li>
 * <li>Vacant providers are added up to the size's provider count, and spare places are trimmed
 * (never one the hidden plan uses) towards the 16% national vacancy rate, judged once every child
 * is placed.</li>
 * </ol>
 * Settled children (placed, neither pinned nor moving) carry urgency {@code URGENT}: leaving one
 * unplaced costs as much as leaving an urgent waiting child, so only an emergency can outweigh it.
 * Waiting and moving children carry their own urgency and {@code neededBy}.
 *
 * <p>Fully deterministic for a given (size, seed): one {@link SplittableRandom}, lists only.
 */
public final class SampleDataGenerator {

    public static final long DEFAULT_SEED = 20261122L;
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 22);
    /** calibration.md: seed council, Cambridgeshire (caseload ~476-508 in 2011-2016). */
    public static final String HOME_AUTHORITY = Geography.CAMBRIDGESHIRE;

    private static final ProviderType IN_HOUSE = ProviderType.IN_HOUSE_FOSTER;
    private static final ProviderType IFA = ProviderType.IFA_FOSTER;
    private static final ProviderType CONNECTED = ProviderType.CONNECTED_PERSON;
    private static final ProviderType HOME = ProviderType.RESIDENTIAL_HOME;
    private static final ProviderType LODGINGS = ProviderType.SUPPORTED_LODGINGS;
    /**
     * Places keep this margin outside excluded areas (a safety choice of the generator, not a rule): the
     * excluded-area rule is checked against areas widened by it, so rounding can never put a place on the edge.
     */
    private static final double EXCLUSION_MARGIN_MILES = 0.5;

    private SampleDataGenerator() {}

    /** The sample data, its locations labelled with the nearest postcode of the project's shipped extract. */
    public static PlacementProblem generate(SampleSize size, long seed) {
        return generate(size, seed, ShippedPostcodes.DIRECTORY);
    }

    /**
     * The sample data, each location (home, school, provider) labelled with the nearest postcode of
     * {@code postcodes}. The labels never move a point: the coordinates, and so every figure, are the same
     * whatever directory is given.
     */
    public static PlacementProblem generate(SampleSize size, long seed, PostcodeDirectory postcodes) {
        return new Generation(size, seed, postcodes, 1).build();
    }

    /**
     * The size with its children and providers targets divided by {@code divisor}, over the same authorities: a
     * quick check of the large sizes' shape (the tests' scaled-down {@code national}).
     */
    static PlacementProblem generateScaled(SampleSize size, long seed, int divisor) {
        return new Generation(size, seed, ShippedPostcodes.DIRECTORY, divisor).build();
    }

    /** Loaded on first use only. */
    private static final class ShippedPostcodes {
        static final PostcodeDirectory DIRECTORY = PostcodeDirectory.shipped();
    }

    /** Pretty-printed JSON (two-space indent, "\n" line ends, no nulls), as {@link #write} writes it. */
    public static String toJson(PlacementProblem problem) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return ContractJson.mapper().writer(printer).writeValueAsString(problem) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(PlacementProblem problem, Path file) {
        try {
            Files.writeString(file, toJson(problem), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // ---- the working model (mutable while generating; written out as the contract's records) ----

    private static final class Kid {
        String id;
        int age;
        LocalDate dateOfBirth;
        String gender;
        boolean uasc;
        Group group;
        Town homeTown;
        double homeLat;
        double homeLon;
        double[] school;
        /** Labels written with the points, set once the data is complete. */
        String homePostcode;

        String schoolPostcode;
        final List<String> needs = new ArrayList<>();
        Urgency urgency;
        LocalDate neededBy;
        Prov current;
        boolean pinned;
        boolean needsMove;
        boolean risk;
        boolean sole;
        /** Not in a placement now. */
        boolean waiting;
        /** Deliberately left without any eligible provider. */
        boolean hard;

        final List<ExcludedArea> excluded = new ArrayList<>();
        List<String> languages;
        String religion;
        /** Set in the multi-authority sizes only: the council the child belongs to. */
        String responsibleAuthority;

        /**
         * The child as the contract writes it, with the given current placement and its excluded areas widened
         * by {@code areaMargin} miles (0 for the written file).
         */
        ChildInput toInput(String currentPlacement, double areaMargin) {
            List<ExcludedArea> areas = excluded.stream()
                    .map(a -> areaMargin == 0 ? a : new ExcludedArea(a.lat(), a.lon(), a.radiusMiles() + areaMargin))
                    .toList();
            return new ChildInput(
                    id,
                    dateOfBirth,
                    gender,
                    group == null ? null : group.id,
                    group == null ? null : group.together,
                    new GeoPoint(homeLat, homeLon, homePostcode),
                    school == null ? null : new GeoPoint(school[0], school[1], schoolPostcode),
                    needs.isEmpty() ? null : List.copyOf(needs),
                    urgency,
                    neededBy,
                    currentPlacement,
                    pinned ? Boolean.TRUE : null,
                    needsMove ? Boolean.TRUE : null,
                    risk ? Boolean.TRUE : null,
                    sole ? Boolean.TRUE : null,
                    areas.isEmpty() ? null : areas,
                    languages,
                    religion,
                    responsibleAuthority);
        }
    }

    private static final class Group {
        String id;
        boolean together = true;
    }

    /** A placement unit: one child, or a whole placeTogether sibling group (which moves as one). */
    private record Unit(List<Kid> kids) {
        Kid first() {
            return kids.getFirst();
        }

        int size() {
            return kids.size();
        }

        int minAge() {
            return kids.stream().mapToInt(k -> k.age).min().orElseThrow();
        }

        int maxAge() {
            return kids.stream().mapToInt(k -> k.age).max().orElseThrow();
        }

        boolean needs(String code) {
            return kids.stream().anyMatch(k -> k.needs.contains(code));
        }

        boolean any(Predicate<Kid> test) {
            return kids.stream().anyMatch(test);
        }
    }

    private static final class Prov {
        String id;
        final ProviderType type;
        Town town;
        double lat;
        double lon;
        /** The label written with the point, set once the data is complete. */
        String postcode;

        int places;
        int ageMin;
        int ageMax;
        List<String> genders;
        final List<String> caps = new ArrayList<>();
        double cost;
        LocalDate availableFrom;
        boolean emergency;
        List<String> connected;
        boolean exempt;
        List<String> languages;
        String religion;
        /** Everyone counted here in the hidden feasible plan: current occupants and reserved children. */
        final List<Kid> members = new ArrayList<>();
        /** The subset of members that were reserved here (waiting or moving children). */
        final List<Kid> reserved = new ArrayList<>();

        Prov(ProviderType type, String draftId) {
            this.type = type;
            this.id = draftId;
        }

        /** The engine's view of this provider, and the input it was mapped from: its key, so it is never stale. */
        private Provider engineView;

        private ProviderInput engineViewOf;

        /** The provider as the contract writes it. */
        ProviderInput toInput() {
            return new ProviderInput(
                    id,
                    type,
                    town.authority(),
                    new GeoPoint(lat, lon, postcode),
                    places,
                    ageMin,
                    ageMax,
                    genders,
                    caps.isEmpty() ? null : List.copyOf(caps),
                    cost,
                    availableFrom,
                    emergency ? Boolean.TRUE : null,
                    connected,
                    exempt ? Boolean.TRUE : null,
                    languages,
                    religion,
                    null,
                    null,
                    null);
        }

        int free() {
            return places - members.size();
        }
    }

    // ---- one generation: a block per authority of the size, then the file ----

    private static final class Generation {
        private final SampleSize size;
        private final long seed;
        private final PostcodeDirectory postcodes;
        private final int divisor;
        private final SplittableRandom rng;

        Generation(SampleSize size, long seed, PostcodeDirectory postcodes, int divisor) {
            this.size = size;
            this.seed = seed;
            this.postcodes = postcodes;
            this.divisor = divisor;
            this.rng = new SplittableRandom(seed);
        }

        /**
         * Each authority's block on its own share of the targets (a single-authority size is one block on this
         * generation's random source, so its files are what they always were; several blocks each get a split of
         * it), then one numbering of the providers over them all.
         */
        PlacementProblem build() {
            List<Areas.Member> members = size.members();
            int children = size.children() / divisor;
            int providerCount = size.providers() / divisor;
            boolean several = members.size() > 1;
            int width = Math.max(4, String.valueOf(children).length());
            IdNumbering numbering = several ? new IdNumbering(width, width) : new IdNumbering(0, 0);
            int weightLeft = members.stream().mapToInt(Areas.Member::weight).sum();
            int childrenLeft = children;
            int providersLeft = providerCount;
            List<Run> runs = new ArrayList<>();
            for (Areas.Member member : members) {
                int blockChildren = (int) Math.round((double) childrenLeft * member.weight() / weightLeft);
                int blockProviders = (int) Math.round((double) providersLeft * member.weight() / weightLeft);
                weightLeft -= member.weight();
                childrenLeft -= blockChildren;
                providersLeft -= blockProviders;
                Run run = new Run(
                        member.area(),
                        blockChildren,
                        blockProviders,
                        several ? rng.split() : rng,
                        numbering,
                        several ? member.area().authority() : null);
                run.generate();
                runs.add(run);
            }
            return output(runs);
        }

        private PlacementProblem output(List<Run> runs) {
            List<Prov> ordered = new ArrayList<>();
            List<Kid> kids = new ArrayList<>();
            for (Run run : runs) {
                ordered.addAll(run.providers);
                kids.addAll(run.kids);
            }
            RandomDraws.shuffle(rng, ordered);
            int width = Math.max(4, String.valueOf(ordered.size()).length());
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).id = "P-" + pad(i + 1, width);
            }
            List<ProviderInput> providerInputs = new ArrayList<>();
            for (Prov p : ordered) {
                p.postcode = postcodeAt(p.lat, p.lon);
                providerInputs.add(p.toInput());
            }
            providerInputs = SampleOfstedList.withOfstedFields(providerInputs, seed);
            List<ChildInput> childInputs = new ArrayList<>();
            for (Kid k : kids) {
                k.homePostcode = postcodeAt(k.homeLat, k.homeLon);
                k.schoolPostcode = k.school == null ? null : postcodeAt(k.school[0], k.school[1]);
                childInputs.add(k.toInput(k.current == null ? null : k.current.id, 0));
            }
            String name = size.label() + " (synthetic, seed " + seed + ")";
            return new PlacementProblem(
                    1,
                    name,
                    REFERENCE_DATE,
                    size.homeAuthority(),
                    null,
                    List.copyOf(providerInputs),
                    List.copyOf(childInputs),
                    size.adjoiningAuthorities(),
                    null);
        }

        /** The label of a point: the nearest postcode of the directory (none beyond 50 km). */
        private String postcodeAt(double lat, double lon) {
            return postcodes.nearest(lat, lon).map(ResolvedPostcode::postcode).orElse(null);
        }
    }

    /** One authority's block: its children, their current and hidden placements, and its providers. */
    private static final class Run {
        private final Geography.Area area;
        private final int childTarget;
        private final int providerTarget;
        private final IdNumbering numbering;
        private final String responsibleAuthority;
        private final SplittableRandom rng;
        private final List<Kid> kids = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<Unit> units = new ArrayList<>();
        private final List<Unit> placedUnits = new ArrayList<>();
        private final List<Unit> waitingUnits = new ArrayList<>();
        private final List<Unit> hardUnits = new ArrayList<>();
        private final List<Prov> providers = new ArrayList<>();
        /** Providers of each type that still have a free place, in creation order. */
        @SuppressWarnings("unchecked")
        private final List<Prov>[] open = new List[ProviderType.values().length];

        Run(
                Geography.Area area,
                int childTarget,
                int providerTarget,
                SplittableRandom rng,
                IdNumbering numbering,
                String responsibleAuthority) {
            this.area = area;
            this.childTarget = childTarget;
            this.providerTarget = providerTarget;
            this.rng = rng;
            this.numbering = numbering;
            this.responsibleAuthority = responsibleAuthority;
            for (int i = 0; i < open.length; i++) {
                open[i] = new ArrayList<>();
            }
        }

        void generate() {
            buildChildren();
            choosePlaced();
            placeCurrent();
            pinAndMove();
            setWaitingUrgency();
            chooseHard();
            reserve();
            addVacantProviders();
            trimSparePlaces();
            tighten();
            numbering.children += kids.size();
            numbering.groups += groups.size();
        }

        // ---- children ----

        private void buildChildren() {
            int target = childTarget;
            int uascCount = (int) Math.round(target * UASC_SHARE);
            List<List<Kid>> drawn = new ArrayList<>();
            int count = 0;
            while (count < target - uascCount) {
                int groupSize = Math.min(pickIndex(GROUP_SIZE) + 1, target - uascCount - count);
                drawn.add(siblings(groupSize));
                count += groupSize;
            }
            for (int i = 0; i < uascCount; i++) {
                drawn.add(List.of(uascChild()));
            }
            shuffle(drawn);
            int groupWidth = numbering.groupWidth > 0
                    ? numbering.groupWidth
                    : Math.max(3, String.valueOf(drawn.size()).length());
            int childWidth = numbering.childWidth > 0
                    ? numbering.childWidth
                    : Math.max(4, String.valueOf(target).length());
            for (List<Kid> members : drawn) {
                Group group = null;
                if (members.size() > 1) {
                    group = new Group();
                    group.id = "SG-" + pad(numbering.groups + groups.size() + 1, groupWidth);
                    group.together = rng.nextDouble() >= APART_BY_SIZE[members.size()];
                    groups.add(group);
                }
                for (Kid kid : members) {
                    kid.id = "C-" + pad(numbering.children + kids.size() + 1, childWidth);
                    kid.responsibleAuthority = responsibleAuthority;
                    kid.group = group;
                    kids.add(kid);
                }
                if (group == null || group.together) {
                    units.add(new Unit(List.copyOf(members)));
                } else {
                    for (Kid kid : members) {
                        units.add(new Unit(List.of(kid)));
                    }
                }
            }
            for (Kid kid : kids) {
                if (kid.group == null && !kid.uasc) {
                    singleFlags(kid);
                }
            }
        }

        private List<Kid> siblings(int groupSize) {
            Town town = Geography.pick(area.familyHomes(), rng);
            double[] home = Geography.around(town, rng);
            List<Kid> members = new ArrayList<>();
            int age = drawAge();
            for (int i = 0; i < groupSize; i++) {
                if (i > 0) {
                    int gap = rng.nextDouble() < 0.06 ? 0 : 1 + rng.nextInt(4);
                    int next = rng.nextBoolean() ? age + gap : age - gap;
                    age = Math.clamp(next < 0 || next > 17 ? age - (next - age) : next, 0, 17);
                }
                // calibration.md: boys 56% overall; UASC (95% boys) are drawn apart, so the rest are adjusted.
                double male = (MALE_SHARE - UASC_SHARE * UASC_MALE) / (1 - UASC_SHARE);
                Kid kid = newKid(age, rng.nextDouble() < male ? MALE : FEMALE, town, home);
                if (i > 0 && kid.age == members.getLast().age && rng.nextBoolean()) {
                    kid.dateOfBirth = members.getLast().dateOfBirth; // twins
                }
                ordinaryNeeds(kid);
                ordinaryLanguageAndReligion(kid);
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

        private Kid uascChild() {
            Kid kid;
            // calibration.md: UASC 87% aged 16-17, 95% boys.
            int age = rng.nextDouble() < UASC_AGED_16_17 ? 16 + rng.nextInt(2) : 14 + rng.nextInt(2);
            String gender = rng.nextDouble() < UASC_MALE ? MALE : FEMALE;
            Town town = Geography.pick(area.familyHomes(), rng);
            kid = newKid(age, gender, town, Geography.around(town, rng));
            kid.uasc = true;
            addNeed(kid, UASC_SUPPORT);
            if (rng.nextDouble() < 0.06) {
                addNeed(kid, THERAPEUTIC);
            }
            if (rng.nextDouble() < 0.03) {
                addNeed(kid, MEDICAL);
            }
            String language = pick(new String[] {"ar", "ps", "ku", "ti"}, new double[] {0.30, 0.30, 0.20, 0.20});
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

        private Kid newKid(int age, String gender, Town town, double[] home) {
            Kid kid = new Kid();
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
        private void ordinaryNeeds(Kid kid) {
            if (rng.nextDouble() < 0.05) {
                addNeed(kid, DISABILITY_CARE);
            }
            if (rng.nextDouble() < 0.02) {
                addNeed(kid, WHEELCHAIR_ACCESS);
                if (rng.nextDouble() < 0.6) {
                    addNeed(kid, DISABILITY_CARE);
                }
            }
            if (kid.age >= 8 && rng.nextDouble() < 0.10) {
                addNeed(kid, COMPLEX_BEHAVIOUR);
            }
            if (kid.age >= 5 && rng.nextDouble() < 0.06) {
                addNeed(kid, THERAPEUTIC);
            }
            if (rng.nextDouble() < 0.03) {
                addNeed(kid, MEDICAL);
            }
            if (kid.gender.equals(FEMALE) && kid.age >= 15 && rng.nextDouble() < 0.06) {
                addNeed(kid, PARENT_AND_CHILD);
            }
        }

        private void ordinaryLanguageAndReligion(Kid kid) {
            if (rng.nextDouble() < 0.08) {
                kid.languages =
                        List.of("en", pick(new String[] {"pl", "ur", "ar", "ku"}, new double[] {0.4, 0.3, 0.15, 0.15}));
            }
            if (rng.nextDouble() < 0.15) {
                kid.religion = pickReligion();
            }
        }

        /** Flags kept to children without siblings, so no sibling group ever holds a conflict of its own. */
        private void singleFlags(Kid kid) {
            if (kid.age >= 11 && rng.nextDouble() < 0.05) {
                kid.risk = true;
            } else if (kid.age >= 10 && rng.nextDouble() < 0.025) {
                kid.sole = true;
                if (rng.nextBoolean()) {
                    addNeed(kid, COMPLEX_BEHAVIOUR);
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

        // ---- who is placed now ----

        private void choosePlaced() {
            // Blocks: a unit, or all the units of one sibling group apart (placed or waiting as a whole).
            List<List<Unit>> blocks = new ArrayList<>();
            Group previous = null;
            for (Unit unit : units) {
                Group group = unit.first().group;
                if (group != null && !group.together && group == previous) {
                    blocks.getLast().add(unit);
                } else {
                    blocks.add(new ArrayList<>(List.of(unit)));
                }
                previous = group;
            }
            shuffle(blocks);
            int target = (int) Math.round(PLACED_SHARE * childTarget);
            int placed = 0;
            for (List<Unit> block : blocks) {
                int children = block.stream().mapToInt(Unit::size).sum();
                boolean chosen = placed + children <= target;
                if (chosen) {
                    placed += children;
                }
                for (Unit unit : block) {
                    for (Kid kid : unit.kids()) {
                        kid.waiting = !chosen;
                    }
                }
            }
            for (Unit unit : units) {
                (unit.first().waiting ? waitingUnits : placedUnits).add(unit);
            }
        }

        private void placeCurrent() {
            for (Unit unit : placedUnits) {
                ProviderType type = pickType(unit, false);
                Prov provider = null;
                // Children's homes hold several children; foster households mostly their own child or siblings.
                if (rng.nextDouble() < (type == HOME ? 0.9 : 0.15)) {
                    provider = findOpen(type, unit, true);
                }
                if (provider == null) {
                    provider = create(type, unit, false);
                }
                for (Kid kid : unit.kids()) {
                    kid.current = provider;
                    join(provider, kid, false);
                    // Many children placed far from home have moved school near their placement.
                    if (kid.school != null
                            && distance(kid.homeLat, kid.homeLon, provider) > 15
                            && rng.nextDouble() < 0.6) {
                        kid.school = Geography.jitter(provider.lat, provider.lon, 3, rng);
                    }
                }
            }
        }

        private void pinAndMove() {
            for (Unit unit : placedUnits) {
                double u = rng.nextDouble();
                boolean pinned = u < PINNED_SHARE;
                boolean move = !pinned && u < PINNED_SHARE + NEEDS_MOVE_SHARE;
                Urgency urgency = Urgency.URGENT;
                LocalDate neededBy = null;
                if (move) {
                    // A placement breakdown needs a bed today; a planned ending gives a few weeks.
                    if (rng.nextDouble() < 0.10) {
                        urgency = Urgency.EMERGENCY;
                        neededBy = REFERENCE_DATE;
                    } else {
                        int days = 7 + rng.nextInt(50);
                        urgency = days <= 14 ? Urgency.URGENT : Urgency.PLANNED;
                        neededBy = REFERENCE_DATE.plusDays(days);
                    }
                }
                for (Kid kid : unit.kids()) {
                    kid.pinned = pinned;
                    kid.needsMove = move;
                    // Settled children: URGENT (see the class comment).
                    kid.urgency = urgency;
                    kid.neededBy = neededBy;
                }
            }
        }

        private void setWaitingUrgency() {
            for (Unit unit : waitingUnits) {
                double u = rng.nextDouble();
                Urgency urgency = u < WAITING_EMERGENCY
                        ? Urgency.EMERGENCY
                        : u < WAITING_EMERGENCY + WAITING_URGENT ? Urgency.URGENT : Urgency.PLANNED;
                LocalDate neededBy = switch (urgency) {
                    case EMERGENCY -> REFERENCE_DATE;
                    case URGENT -> REFERENCE_DATE.plusDays(rng.nextInt(8));
                    case PLANNED -> REFERENCE_DATE.plusDays(14 + rng.nextInt(71));
                };
                for (Kid kid : unit.kids()) {
                    kid.urgency = urgency;
                    kid.neededBy = neededBy;
                }
            }
        }

        // ---- children left without options on purpose ----

        private void chooseHard() {
            int waitingChildren = waitingUnits.stream().mapToInt(Unit::size).sum();
            int target = Math.max(1, (int) Math.round(HARD_SHARE * waitingChildren));
            List<Unit> candidates = new ArrayList<>();
            for (Unit unit : waitingUnits) {
                Kid kid = unit.first();
                if (unit.size() == 1 && kid.group == null && !kid.sole && !kid.risk) {
                    candidates.add(unit);
                }
            }
            shuffle(candidates);
            // Emergencies that already have a need first, then other emergencies, then anyone.
            candidates.sort((a, b) -> Integer.compare(hardRank(a.first()), hardRank(b.first())));
            for (Unit unit : candidates.subList(0, Math.min(target, candidates.size()))) {
                Kid kid = unit.first();
                kid.urgency = Urgency.EMERGENCY;
                kid.neededBy = REFERENCE_DATE;
                List<List<String>> combos = new ArrayList<>();
                combos.add(List.of(WHEELCHAIR_ACCESS, DISABILITY_CARE, MEDICAL)); // complex health needs
                if (kid.age >= 8) {
                    combos.add(List.of(WHEELCHAIR_ACCESS, DISABILITY_CARE, COMPLEX_BEHAVIOUR));
                    combos.add(List.of(COMPLEX_BEHAVIOUR, THERAPEUTIC, MEDICAL));
                }
                if (kid.gender.equals(FEMALE) && kid.age >= 15) {
                    combos.add(List.of(PARENT_AND_CHILD, MEDICAL, THERAPEUTIC));
                }
                for (String need : combos.get(rng.nextInt(combos.size()))) {
                    addNeed(kid, need);
                }
                kid.hard = true;
                hardUnits.add(unit);
            }
        }

        private static int hardRank(Kid kid) {
            if (kid.urgency == Urgency.EMERGENCY) {
                return kid.needs.isEmpty() ? 1 : 0;
            }
            return 2;
        }

        // ---- the hidden feasible plan for waiting and moving children ----

        private void reserve() {
            List<Unit> toPlace = new ArrayList<>();
            for (Unit unit : units) {
                Kid first = unit.first();
                if (first.waiting && !first.hard || first.needsMove) {
                    toPlace.add(unit);
                }
            }
            // Hardest first, so that scarce vacancies go where they are needed.
            toPlace.sort((a, b) -> Integer.compare(difficulty(b), difficulty(a)));
            for (Unit unit : toPlace) {
                ProviderType type = pickType(unit, true);
                Prov provider = null;
                // Mostly a vacant household or home of its own (as real vacancies mostly are), sometimes a spare place.
                if (rng.nextDouble() < 0.25) {
                    provider = findOpen(type, unit, false);
                    if (provider == null && rng.nextBoolean()) {
                        for (ProviderType other : ProviderType.values()) {
                            if (other != type && other != CONNECTED && provider == null) {
                                provider = findOpen(other, unit, false);
                            }
                        }
                    }
                }
                if (provider == null) {
                    provider = create(type, unit, true);
                }
                for (Kid kid : unit.kids()) {
                    join(provider, kid, true);
                }
            }
        }

        private static int difficulty(Unit unit) {
            int score = unit.size() * 10;
            for (Kid kid : unit.kids()) {
                score += kid.needs.size() * 5 + kid.excluded.size() * 3 + (kid.sole ? 20 : 0) + (kid.risk ? 5 : 0);
            }
            return score + (unit.first().urgency == Urgency.EMERGENCY ? 8 : 0);
        }

        // ---- vacancies up to the size's provider count ----

        private void addVacantProviders() {
            int missing = providerTarget - providers.size();
            // calibration.md: 16% of approved places vacant (Ofsted 2024), judged once every child is placed.
            int targetPlaces = (int) Math.ceil(childTarget / (1 - TARGET_VACANCY));
            int budget =
                    targetPlaces - providers.stream().mapToInt(p -> p.places).sum();
            // Vacant providers by count: foster households dominate (calibration.md: 42,190 fostering households).
            double[] mix = {0.42, 0.38, 0.0, 0.06, 0.14};
            for (int i = 0; i < missing; i++) {
                ProviderType type = ProviderType.values()[pickIndex(mix)];
                Prov provider = create(type, null, false);
                int minimum = type == HOME ? 2 : 1;
                int left = missing - i - 1;
                int cap = Math.max(minimum, budget - left);
                if (provider.places > cap) {
                    provider.places = cap;
                    provider.exempt = exemptWith(type, cap);
                }
                budget -= provider.places;
            }
        }

        /**
         * Brings the total of places down towards the vacancy target by removing spare places (never
         * one the hidden plan uses), one at a time over the providers in random order.
         */
        private void trimSparePlaces() {
            int targetPlaces = (int) Math.ceil(childTarget / (1 - TARGET_VACANCY));
            int excess = providers.stream().mapToInt(p -> p.places).sum() - targetPlaces;
            List<Prov> order = new ArrayList<>(providers);
            shuffle(order);
            boolean trimmed = true;
            while (excess > 0 && trimmed) {
                trimmed = false;
                for (Prov p : order) {
                    int floor = Math.max(p.members.size(), p.type == HOME ? 2 : 1);
                    if (excess > 0 && p.places > floor) {
                        p.places--;
                        p.exempt = exemptWith(p.type, p.places);
                        excess--;
                        trimmed = true;
                    }
                }
            }
        }

        /**
         * Takes the emergency approval away from every provider a hard child could otherwise use, unless
         * a reserved emergency child relies on it. The hard child then has no option at all.
         */
        private void tighten() {
            for (Unit unit : hardUnits) {
                Kid kid = unit.first();
                for (Prov provider : providers) {
                    if (!provider.emergency || !eligibleButForEmergency(kid, provider)) {
                        continue;
                    }
                    boolean relied = provider.reserved.stream().anyMatch(k -> k.urgency == Urgency.EMERGENCY);
                    if (!relied) {
                        provider.emergency = false;
                    }
                }
            }
        }

        // ---- providers ----

        private ProviderType pickType(Unit unit, boolean waiting) {
            double[] w = PLACEMENT_MIX.clone();
            int minAge = unit.minAge();
            int maxAge = unit.maxAge();
            if (waiting) {
                w[CONNECTED.ordinal()] *= 0.5; // a connected person has been assessed for some waiting children only
            }
            if (minAge < PlacementRules.SUPPORTED_LODGINGS_MIN_AGE || unit.size() > 2) {
                w[LODGINGS.ordinal()] = 0;
            } else {
                // calibration.md: supported accommodation 9.8% of all placements, all of them 16-17 year olds.
                w[LODGINGS.ordinal()] *= 8.0;
            }
            if (minAge < 8) {
                w[HOME.ordinal()] = 0;
            } else if (maxAge < 11) {
                w[HOME.ordinal()] *= 0.3;
            } else {
                w[HOME.ordinal()] *= 1.2;
            }
            if (unit.size() >= 3) {
                w[HOME.ordinal()] *= 0.5;
            }
            if (unit.needs(COMPLEX_BEHAVIOUR)) {
                w[HOME.ordinal()] *= 4;
                w[IFA.ordinal()] *= 1.5;
                w[CONNECTED.ordinal()] *= 0.3;
            }
            if (unit.needs(THERAPEUTIC)) {
                w[HOME.ordinal()] *= 2.5;
                w[IFA.ordinal()] *= 1.5;
            }
            if (unit.needs(PARENT_AND_CHILD)) {
                w[HOME.ordinal()] = 0;
                w[IFA.ordinal()] *= 2;
                w[LODGINGS.ordinal()] *= 2;
                w[CONNECTED.ordinal()] *= 0.3;
            }
            if (unit.needs(WHEELCHAIR_ACCESS) || unit.needs(DISABILITY_CARE)) {
                w[LODGINGS.ordinal()] *= 0.3;
            }
            if (unit.any(k -> k.uasc)) {
                w[CONNECTED.ordinal()] = 0; // no family here
                w[IN_HOUSE.ordinal()] *= 0.6;
            }
            if (unit.any(k -> k.sole)) {
                // A child who must live alone: a single-child agency household, or a small home.
                w = new double[] {0, 0.6, 0, minAge < 8 ? 0 : 0.4, 0};
            }
            return ProviderType.values()[pickIndex(w)];
        }

        /**
         * An open provider of the type that takes the unit under every hard rule: the nearest of three
         * random ones, or for a children's home any one (homes are found where a bed is, calibration.md:
         * 49% of children's-home children live more than 20 miles away).
         */
        private Prov findOpen(ProviderType type, Unit unit, boolean asCurrent) {
            if (type == CONNECTED) {
                return null;
            }
            List<Prov> candidates = new ArrayList<>();
            for (Prov provider : open[type.ordinal()]) {
                if (canAdd(unit, provider, asCurrent)) {
                    candidates.add(provider);
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            if (type == HOME) {
                return candidates.get(rng.nextInt(candidates.size()));
            }
            Kid kid = unit.first();
            Prov best = null;
            double bestMiles = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                Prov candidate = candidates.get(rng.nextInt(candidates.size()));
                double miles = distance(kid.homeLat, kid.homeLon, candidate);
                if (miles < bestMiles) {
                    best = candidate;
                    bestMiles = miles;
                }
            }
            return best;
        }

        private void join(Prov provider, Kid kid, boolean reserved) {
            provider.members.add(kid);
            if (reserved) {
                provider.reserved.add(kid);
            }
            if (provider.free() <= 0) {
                open[provider.type.ordinal()].remove(provider);
            }
        }

        /**
         * A new provider. With a unit, it is made to take that unit (as its current placement, or as a
         * new placement when {@code forNewPlacement}); without, it is a random vacant provider.
         */
        private Prov create(ProviderType type, Unit unit, boolean forNewPlacement) {
            Prov p = new Prov(type, "draft-" + providers.size());
            locate(p, unit);
            int[] range = ageRange(type, unit);
            p.ageMin = range[0];
            p.ageMax = range[1];
            p.places = places(type, unit);
            p.exempt = exemptWith(type, p.places);
            if (unit == null) {
                if (rng.nextDouble() < GENDER_RESTRICTED) {
                    p.genders = List.of(rng.nextBoolean() ? MALE : FEMALE);
                }
            } else if (type != CONNECTED
                    && rng.nextDouble() < GENDER_RESTRICTED
                    && unit.kids().stream().map(k -> k.gender).distinct().count() == 1) {
                p.genders = List.of(unit.first().gender);
            }
            if (type != CONNECTED) {
                double[] rates = CAPABILITY_RATES[type.ordinal()];
                for (int i = 0; i < CAPABILITIES.size(); i++) {
                    if (rng.nextDouble() < rates[i]) {
                        p.caps.add(CAPABILITIES.get(i));
                    }
                }
            }
            if (unit != null) {
                for (String code : CAPABILITIES) {
                    if (unit.needs(code) && !p.caps.contains(code)) {
                        p.caps.add(code);
                    }
                }
                p.caps.sort((a, b) -> Integer.compare(CAPABILITIES.indexOf(a), CAPABILITIES.indexOf(b)));
            }
            p.cost = cost(type, p.caps);
            p.availableFrom = availableFrom(unit, forNewPlacement);
            p.emergency = forNewPlacement && unit.any(k -> k.urgency == Urgency.EMERGENCY)
                    || rng.nextDouble() < EMERGENCY_RATE[type.ordinal()];
            if (type == CONNECTED) {
                p.connected = unit.kids().stream().map(k -> k.id).toList();
            }
            providerLanguageAndReligion(p);
            if (unit != null && !canAdd(unit, p, !forNewPlacement)) {
                throw new IllegalStateException(
                        "generator bug: provider made for " + unit.first().id + " does not take it");
            }
            providers.add(p);
            if (p.free() > 0) {
                open[type.ordinal()].add(p);
            }
            return p;
        }

        private void locate(Prov p, Unit unit) {
            for (int attempt = 0; attempt < 100; attempt++) {
                Town town;
                if (p.type == CONNECTED && unit != null && rng.nextDouble() < CONNECTED_NEAR_HOME) {
                    town = unit.first().homeTown; // family and friends near the family home
                } else {
                    double[] shares = LOCATION_SHARES[p.type.ordinal()];
                    int where = pickIndex(shares);
                    List<Town> towns = where == 0 ? area.homeCounty() : where == 1 ? area.adjoining() : area.far();
                    town = Geography.pick(towns, rng);
                    if (unit != null && p.type != HOME) {
                        // Placed near home where reasonably practicable (s22C): the nearer of two towns of that area.
                        Town other = Geography.pick(towns, rng);
                        Kid kid = unit.first();
                        if (Geo.miles(kid.homeLat, kid.homeLon, other.lat(), other.lon())
                                < Geo.miles(kid.homeLat, kid.homeLon, town.lat(), town.lon())) {
                            town = other;
                        }
                    }
                }
                double[] point = Geography.around(town, rng);
                p.town = town;
                p.lat = point[0];
                p.lon = point[1];
                if (unit == null || outsideExcludedAreas(unit, p)) {
                    return;
                }
            }
            throw new IllegalStateException(
                    "generator bug: no location outside the excluded areas of " + unit.first().id);
        }

        private int[] ageRange(ProviderType type, Unit unit) {
            int youngest = PlacementRules.SUPPORTED_LODGINGS_MIN_AGE;
            int[][] ranges = switch (type) {
                case IN_HOUSE_FOSTER, IFA_FOSTER ->
                    new int[][] {
                        {0, 17, 28},
                        {0, 11, 14},
                        {0, 4, 6},
                        {0, 8, 6},
                        {2, 15, 4},
                        {5, 17, 14},
                        {8, 17, 12},
                        {11, 17, 16}
                    };
                case CONNECTED_PERSON -> new int[][] {{0, 17, 1}};
                case RESIDENTIAL_HOME -> new int[][] {{8, 17, 30}, {10, 17, 10}, {11, 17, 45}, {12, 17, 15}};
                // Supported lodgings: the youngest the rules allow (calibration.md: no under-16s, Care Planning regs
                // 2021).
                case SUPPORTED_LODGINGS ->
                    new int[][] {{youngest, 17, 45}, {youngest, 18, 15}, {youngest, 19, 10}, {youngest, 20, 30}};
            };
            int lo = unit == null ? 0 : unit.minAge();
            int hi = unit == null ? 25 : unit.maxAge();
            double[] weights = new double[ranges.length];
            boolean any = false;
            for (int i = 0; i < ranges.length; i++) {
                boolean fits = unit == null || ranges[i][0] <= lo && hi <= ranges[i][1];
                weights[i] = fits ? ranges[i][2] : 0;
                any |= fits;
            }
            if (!any) {
                return new int[] {Math.min(lo, ranges[0][0]), Math.max(hi, ranges[0][1])};
            }
            int[] chosen = ranges[pickIndex(weights)];
            return new int[] {chosen[0], chosen[1]};
        }

        private int places(ProviderType type, Unit unit) {
            int drawn = switch (type) {
                // Foster households: mostly 1-2 children; a few exempt from the fostering limit take 4.
                case IN_HOUSE_FOSTER, IFA_FOSTER -> 1 + pickIndex(new double[] {0.55, 0.32, 0.11, 0.02});
                case CONNECTED_PERSON -> unit == null ? 1 : unit.size();
                // calibration.md: typical children's home size 2-6 places (Ofsted register).
                case RESIDENTIAL_HOME -> 2 + pickIndex(new double[] {0.15, 0.20, 0.30, 0.20, 0.15});
                case SUPPORTED_LODGINGS -> 1 + pickIndex(new double[] {0.7, 0.3});
            };
            if (unit == null) {
                return drawn;
            }
            if (unit.any(k -> k.sole)) {
                return type == HOME ? 2 : unit.size();
            }
            return switch (type) {
                // A household approved around the child(ren) it takes: mostly exactly them, sometimes a spare place.
                case IN_HOUSE_FOSTER, IFA_FOSTER ->
                    unit.size() > PlacementRules.USUAL_FOSTERING_LIMIT
                            ? unit.size()
                            : Math.min(
                                    PlacementRules.USUAL_FOSTERING_LIMIT,
                                    unit.size() + pickIndex(new double[] {0.70, 0.22, 0.08}));
                case SUPPORTED_LODGINGS -> Math.min(2, unit.size() + pickIndex(new double[] {0.8, 0.2}));
                default -> Math.max(drawn, unit.size());
            };
        }

        private double cost(ProviderType type, List<String> caps) {
            double cost = switch (type) {
                // calibration.md: in-house ~£400 a week, range £350-650 (IMPOWER; council FOIs).
                case IN_HOUSE_FOSTER -> 350 + 300 * Math.pow(rng.nextDouble(), 2.5);
                // calibration.md: IFA min £550, average £814, max £972 (Lincolnshire FOI); parent and child ~£1,600.
                case IFA_FOSTER ->
                    caps.contains(PARENT_AND_CHILD) ? 1450 + 300 * rng.nextDouble() : triangular(550, 972, 920);
                // Connected persons: fostering allowance level (illustrative £250-350).
                case CONNECTED_PERSON -> 250 + 100 * rng.nextDouble();
                // calibration.md: children's home £3,800 (largest providers' average, CMA) to £6,100 (NAO average).
                case RESIDENTIAL_HOME -> triangular(3800, 6100, 4400);
                // Supported lodgings: illustrative £600-1,200.
                case SUPPORTED_LODGINGS -> 600 + 600 * rng.nextDouble();
            };
            return Math.round(cost);
        }

        private LocalDate availableFrom(Unit unit, boolean forNewPlacement) {
            if (unit != null && forNewPlacement) {
                LocalDate latest = unit.kids().stream()
                        .map(k -> k.neededBy)
                        .min(LocalDate::compareTo)
                        .orElseThrow();
                long days = ChronoUnit.DAYS.between(REFERENCE_DATE, latest);
                if (days > 0 && rng.nextDouble() < 0.2) {
                    return REFERENCE_DATE.plusDays(1 + rng.nextInt((int) days));
                }
                return null;
            }
            // Current placements are exempt from availability (H8), so any date is fine for them.
            if (rng.nextDouble() < FUTURE_AVAILABILITY) {
                return REFERENCE_DATE.plusDays(3 + rng.nextInt(40));
            }
            return null;
        }

        private void providerLanguageAndReligion(Prov p) {
            if (p.caps.contains(UASC_SUPPORT) && rng.nextDouble() < 0.4) {
                p.languages =
                        List.of("en", pick(new String[] {"ar", "ps", "ku", "ti"}, new double[] {0.3, 0.3, 0.2, 0.2}));
            } else if (rng.nextDouble() < 0.08) {
                p.languages =
                        List.of("en", pick(new String[] {"pl", "ur", "ar", "ku"}, new double[] {0.4, 0.3, 0.15, 0.15}));
            } else {
                p.languages = List.of("en");
            }
            if (rng.nextDouble() < 0.25) {
                p.religion = pickReligion();
            }
        }

        private String pickReligion() {
            return pick(
                    new String[] {"Christian", "Muslim", "Hindu", "Sikh", "Jewish"},
                    new double[] {0.6, 0.25, 0.05, 0.05, 0.05});
        }

        // ---- the hard rules (contract section 2): PlacementRules, on the engine's view of the working model ----

        /**
         * Whether the unit can join the provider's members under every hard rule: capacity (H1), each child's
         * own rules (H2, H4-H9, H12, H13), fostering limit (H14), risk to younger children (H10) and sole
         * placement (H11). Sibling groups move as one unit (H3).
         *
         * @param asCurrent whether the provider is to be the unit's current placement (which H8, H9 and H13 exempt)
         */
        private boolean canAdd(Unit unit, Prov p, boolean asCurrent) {
            Provider provider = engineView(p);
            if (PlacementRules.capacityPoints(provider, p.members.size() + unit.size()) > 0) {
                return false;
            }
            List<Child> joining = engineViews(unit.kids(), p, provider, asCurrent);
            for (Child child : joining) {
                if (!PlacementRules.isEligible(child, provider)) {
                    return false;
                }
            }
            List<Child> present = engineViews(p.members, p, provider, false);
            List<Child> all = new ArrayList<>(present);
            all.addAll(joining);
            return PlacementRules.fosteringLimitPoints(provider, all.size(), PlacementRules.allOneSiblingGroup(all))
                            == 0
                    && PlacementRules.pairsWithin(all, HardRule.H10) == 0
                    && PlacementRules.pairsWithin(all, HardRule.H11) == 0;
        }

        /** Whether the child could be placed at the provider were it emergency-approved (every per-child rule but H9). */
        private boolean eligibleButForEmergency(Kid kid, Prov p) {
            Provider provider = engineView(p);
            return PlacementRules.isEligibleWaiving(
                    HardRule.H9, engineViews(List.of(kid), p, provider, false).getFirst(), provider);
        }

        /** Whether a place at the provider's location (all else aside) is outside every excluded area of the unit. */
        private boolean outsideExcludedAreas(Unit unit, Prov p) {
            Provider provider = engineView(p);
            return PlacementRules.childAtProviderPoints(
                            HardRule.H12, engineViews(unit.kids(), p, provider, false), provider)
                    == 0;
        }

        /** A foster household approved for more places than the usual fostering limit holds an exemption from it. */
        private static boolean exemptWith(ProviderType type, int places) {
            return type.isFoster() && places > PlacementRules.USUAL_FOSTERING_LIMIT;
        }

        /**
         * The provider as the engine sees it (the contract's defaults applied by {@link ProblemMapper}); mapped
         * again whenever anything written about the provider has changed since.
         */
        private static Provider engineView(Prov p) {
            ProviderInput input = p.toInput();
            if (!input.equals(p.engineViewOf)) {
                p.engineView = ProblemMapper.toProvider(input, 0, HOME_AUTHORITY, REFERENCE_DATE, null);
                p.engineViewOf = input;
            }
            return p.engineView;
        }

        /**
         * The children as the engine sees them, judged at {@code p} (seen as {@code provider}): each child's
         * current placement is {@code p} when {@code asCurrent}, else its own. Excluded areas are widened by
         * {@link #EXCLUSION_MARGIN_MILES}.
         */
        private static List<Child> engineViews(List<Kid> kids, Prov p, Provider provider, boolean asCurrent) {
            Map<String, Provider> providersById = new HashMap<>();
            providersById.put(p.id, provider);
            List<Child> views = new ArrayList<>(kids.size());
            for (Kid kid : kids) {
                Prov current = asCurrent ? p : kid.current;
                if (current != null) {
                    providersById.computeIfAbsent(current.id, id -> engineView(current));
                }
                views.add(ProblemMapper.toChild(
                        kid.toInput(current == null ? null : current.id, EXCLUSION_MARGIN_MILES),
                        REFERENCE_DATE,
                        providersById,
                        HOME_AUTHORITY,
                        authority -> Set.of()));
            }
            return views;
        }

        private static double distance(double lat, double lon, Prov p) {
            return Geo.miles(lat, lon, p.lat, p.lon);
        }

        // ---- randomness helpers (one SplittableRandom, fixed order) ----

        private int pickIndex(double[] weights) {
            return RandomDraws.pickIndex(rng, weights);
        }

        private <T> T pick(T[] values, double[] weights) {
            return RandomDraws.pick(rng, values, weights);
        }

        private double triangular(double min, double max, double mode) {
            return RandomDraws.triangular(rng, min, max, mode);
        }

        private <T> void shuffle(List<T> list) {
            RandomDraws.shuffle(rng, list);
        }

        private static void addNeed(Kid kid, String code) {
            if (!kid.needs.contains(code)) {
                kid.needs.add(code);
                kid.needs.sort((a, b) -> Integer.compare(CAPABILITIES.indexOf(a), CAPABILITIES.indexOf(b)));
            }
        }
    }
}
