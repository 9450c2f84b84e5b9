package org.placementmatcher.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;

class SampleDataGeneratorTest {

    private static final Map<SampleSize, PlacementProblem> GENERATED = new EnumMap<>(SampleSize.class);

    private static synchronized PlacementProblem problem(SampleSize size) {
        return GENERATED.computeIfAbsent(size, s -> SampleDataGenerator.generate(s, SampleDataGenerator.DEFAULT_SEED));
    }

    @Test
    void sameSeedGivesByteIdenticalJson() {
        for (SampleSize size : List.of(SampleSize.SMALL, SampleSize.COUNTY)) {
            String first = SampleDataGenerator.toJson(SampleDataGenerator.generate(size, 7L));
            String second = SampleDataGenerator.toJson(SampleDataGenerator.generate(size, 7L));
            assertThat(second).isEqualTo(first);
        }
        assertThat(SampleDataGenerator.toJson(problem(SampleSize.COUNTY)))
                .isEqualTo(SampleDataGenerator.toJson(
                        SampleDataGenerator.generate(SampleSize.COUNTY, SampleDataGenerator.DEFAULT_SEED)));
    }

    /** The committed sample data is the generator's, under today's rules: a changed rule means regenerating it. */
    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void committedSampleDataIsWhatTheGeneratorWrites(SampleSize size) throws Exception {
        List<String> generated =
                SampleDataGenerator.toJson(problem(size)).lines().toList();
        List<String> committed = Files.readString(Path.of("sample-data", size.fileName()), StandardCharsets.UTF_8)
                .lines()
                .toList();
        int line = 0;
        while (line < Math.min(generated.size(), committed.size())
                && generated.get(line).equals(committed.get(line))) {
            line++;
        }
        // The first differing line only: the files are megabytes.
        assertThat(line < generated.size() ? generated.get(line) : "(end of file)")
                .as(
                        "sample-data/%s line %d (regenerate with: generate --all --dir sample-data)",
                        size.fileName(), line + 1)
                .isEqualTo(line < committed.size() ? committed.get(line) : "(end of file)");
    }

    @Test
    void anotherSeedGivesAnotherCaseload() {
        assertThat(SampleDataGenerator.toJson(SampleDataGenerator.generate(SampleSize.SMALL, 1L)))
                .isNotEqualTo(SampleDataGenerator.toJson(SampleDataGenerator.generate(SampleSize.SMALL, 2L)));
    }

    @Test
    void writeWritesThePrettyJsonWithoutNulls(@TempDir Path dir) throws Exception {
        PlacementProblem problem = problem(SampleSize.SMALL);
        Path file = dir.resolve(SampleSize.SMALL.fileName());
        SampleDataGenerator.write(problem, file);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(SampleDataGenerator.toJson(problem));
        assertThat(written).doesNotContain("null").contains("\n  \"schemaVersion\" : 1,");
    }

    @Test
    void fileNamesAndHeader() {
        assertThat(List.of(SampleSize.values()).stream().map(SampleSize::fileName))
                .containsExactly(
                        "small.json", "county.json", "county-1200.json", "region.json", "rcc.json", "national.json");
        assertThat(List.of(SampleSize.values()).stream().filter(SampleSize::committed))
                .doesNotContain(SampleSize.NATIONAL)
                .contains(SampleSize.RCC);
        PlacementProblem problem = problem(SampleSize.COUNTY);
        assertThat(problem.schemaVersion()).isEqualTo(1);
        assertThat(problem.homeAuthority()).isEqualTo("E10000003");
        assertThat(problem.referenceDate()).isEqualTo(SampleDataGenerator.REFERENCE_DATE);
        assertThat(problem.name()).contains("synthetic").contains(String.valueOf(SampleDataGenerator.DEFAULT_SEED));
        assertThat(problem.adjoiningAuthorities().ofHomeAuthority())
                .containsExactlyInAnyOrder(
                        "E06000031",
                        "E10000020",
                        "E10000029",
                        "E10000012",
                        "E10000015",
                        "E06000056",
                        "E06000055",
                        "E06000061",
                        "E10000019");
    }

    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void sizesAreWithinTenPercentOfTheTargets(SampleSize size) {
        PlacementProblem problem = problem(size);
        assertThat(problem.children().size()).isBetween((int) (size.children() * 0.9), (int) (size.children() * 1.1));
        assertThat(problem.providers().size())
                .isBetween((int) (size.providers() * 0.9), (int) (size.providers() * 1.1));
    }

    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void generatedJsonPassesTheContractValidation(SampleSize size) {
        PlacementProblem problem = problem(size);
        String json = SampleDataGenerator.toJson(problem);
        assertThatCode(() -> ProblemReader.read(json)).doesNotThrowAnyException();
        assertThat(ProblemReader.read(json)).isEqualTo(problem);
    }

    /**
     * Every location carries the nearest postcode of the shipped extract as a label; the label never moves the
     * point (the same data labelled from a one-postcode directory has the same coordinates).
     */
    @Test
    void everyLocationIsLabelledWithTheNearestPostcodeOfTheShippedExtract() throws Exception {
        PostcodeDirectory shipped = PostcodeDirectory.shipped();
        PlacementProblem small = problem(SampleSize.SMALL);
        List<GeoPoint> points = new java.util.ArrayList<>();
        small.providers().forEach(p -> points.add(p.location()));
        small.children().forEach(c -> {
            points.add(c.home());
            if (c.school() != null) {
                points.add(c.school());
            }
        });
        for (GeoPoint point : points) {
            assertThat(point.postcode())
                    .isEqualTo(shipped.nearest(point.lat(), point.lon())
                            .orElseThrow()
                            .postcode());
        }
        PostcodeDirectory onlyOne = PostcodeDirectory.read(new java.io.ByteArrayInputStream(
                "pcd,laua,oseast1m,osnrth1m\nCB1 1AA,E07000008,545800,258200\n".getBytes(StandardCharsets.UTF_8)));
        PlacementProblem relabelled =
                SampleDataGenerator.generate(SampleSize.SMALL, SampleDataGenerator.DEFAULT_SEED, onlyOne);
        assertThat(relabelled.children())
                .extracting(c -> c.home().lat(), c -> c.home().lon())
                .isEqualTo(small.children().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(
                                c.home().lat(), c.home().lon()))
                        .toList());
        // Within 50 km the one postcode is the nearest; beyond, none is.
        assertThat(relabelled.children()).extracting(c -> c.home().postcode()).containsOnly("CB1 1AA", null);
        assertThat(relabelled.children()).extracting(c -> c.home().postcode()).contains("CB1 1AA");
    }

    @Test
    void regionFileStaysSmall() {
        assertThat(SampleDataGenerator.toJson(problem(SampleSize.REGION)).getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(8_000_000);
    }

    /** A single-authority size leaves every child to the home authority; rcc names each child's council. */
    @Test
    void rccIsTheTenGreaterManchesterCouncilsEachChildWithItsOwn() {
        assertThat(problem(SampleSize.COUNTY).children()).allMatch(c -> c.responsibleAuthority() == null);
        PlacementProblem rcc = problem(SampleSize.RCC);
        assertThat(rcc.homeAuthority()).isEqualTo("E08000003");
        assertThat(rcc.adjoiningAuthorities().adjoining("E08000001", rcc.homeAuthority()))
                .contains("E08000003", "E10000017", "E06000049")
                .doesNotContain("E08000001");
        assertThat(rcc.adjoiningAuthorities().adjoining("E08000003", rcc.homeAuthority()))
                .contains("E08000001", "E10000017")
                .doesNotContain("E08000003");
        Map<String, Long> byAuthority = rcc.children().stream()
                .collect(Collectors.groupingBy(ChildInput::responsibleAuthority, Collectors.counting()));
        List<String> greaterManchester = List.of(
                "E08000001",
                "E08000002",
                "E08000003",
                "E08000004",
                "E08000005",
                "E08000006",
                "E08000007",
                "E08000008",
                "E08000009",
                "E08000010");
        assertThat(byAuthority).containsOnlyKeys(greaterManchester);
        assertThat(byAuthority.get("E08000003")).isGreaterThan(byAuthority.get("E08000009"));
        assertThat(rcc.children()).hasSize(SampleSize.RCC.children());
        assertThat(rcc.providers().stream()
                                .filter(p -> greaterManchester.contains(p.localAuthority()))
                                .count()
                        / (double) rcc.providers().size())
                .as("providers within Greater Manchester")
                .isBetween(0.7, 0.95);
    }

    /**
     * national, a fortieth of it (the whole is generated on demand only): every authority of every region, its
     * children numbered once over all, feasible today, the same for the same seed.
     */
    @Test
    void scaledDownNationalCoversEnglandAndIsDeterministic() {
        PlacementProblem national = SampleDataGenerator.generateScaled(SampleSize.NATIONAL, 5L, 40);
        assertThat(national.children()).hasSize(SampleSize.NATIONAL.children() / 40);
        // Blocks of about 50 children each make more providers for their children than the target allows (the whole
        // size keeps within 10% of it).
        assertThat(national.providers().size()).isBetween((int) (SampleSize.NATIONAL.providers() / 40 * 0.9), (int)
                (SampleSize.NATIONAL.providers() / 40 * 1.3));
        assertThat(national.homeAuthority()).isEqualTo("E92000001");
        assertThat(national.children().stream()
                        .map(ChildInput::responsibleAuthority)
                        .distinct()
                        .count())
                .isEqualTo(EnglandAreas.members().size());
        assertThat(national.children().stream()
                        .map(c -> c.home().lat())
                        .max(Double::compare)
                        .orElseThrow())
                .isGreaterThan(54.5); // the North East
        assertThat(national.children().stream()
                        .map(c -> c.home().lon())
                        .min(Double::compare)
                        .orElseThrow())
                .isLessThan(-5.0); // Cornwall
        String json = SampleDataGenerator.toJson(national);
        assertThat(ProblemReader.read(json)).isEqualTo(national);
        assertThat(SampleDataGenerator.toJson(SampleDataGenerator.generateScaled(SampleSize.NATIONAL, 5L, 40)))
                .isEqualTo(json);
        assertCurrentPlacementsFeasible(national);
        assertProvidersFollowTheContractLimits(national);
    }

    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void providersFollowTheContractLimits(SampleSize size) {
        assertProvidersFollowTheContractLimits(problem(size));
    }

    /** Beyond the contract's validation (ProblemReader, checked beside this): what the generator promises of providers. */
    private static void assertProvidersFollowTheContractLimits(PlacementProblem problem) {
        Map<String, ChildInput> children = byId(problem.children(), ChildInput::id);
        for (ProviderInput p : problem.providers()) {
            if (p.type().isFoster() && p.places() > PlacementRules.USUAL_FOSTERING_LIMIT) {
                assertThat(p.fosteringLimitExemption()).as(p.id()).isTrue();
            }
            if (p.type() == ProviderType.CONNECTED_PERSON) {
                assertThat(p.connectedChildren()).as(p.id()).isNotEmpty();
                assertThat(p.connectedChildren()).as(p.id()).allMatch(children::containsKey);
                if (p.connectedChildren().size() > 1) {
                    // the whole sibling group, never unrelated children
                    String group =
                            children.get(p.connectedChildren().getFirst()).siblingGroup();
                    assertThat(group).as(p.id()).isNotNull();
                    assertThat(p.connectedChildren())
                            .as(p.id())
                            .allMatch(id -> group.equals(children.get(id).siblingGroup()));
                }
            } else {
                assertThat(p.connectedChildren()).as(p.id()).isNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void currentPlacementsSatisfyEveryHardRule(SampleSize size) {
        assertCurrentPlacementsFeasible(problem(size));
    }

    @Test
    void otherSeedsAreValidAndFeasibleToo() {
        for (long seed = 1; seed <= 40; seed++) {
            for (SampleSize size : seed <= 8
                    ? List.of(SampleSize.SMALL, SampleSize.COUNTY, SampleSize.LARGE)
                    : List.of(SampleSize.SMALL)) {
                PlacementProblem problem = SampleDataGenerator.generate(size, seed);
                String json = SampleDataGenerator.toJson(problem);
                assertThatCode(() -> ProblemReader.read(json))
                        .as(size + " seed " + seed)
                        .doesNotThrowAnyException();
                assertCurrentPlacementsFeasible(problem);
                assertProvidersFollowTheContractLimits(problem);
            }
        }
    }

    /**
     * Today's caseload, scored by the engine's own rules ({@link ScoreBreakdown} over {@link ProblemMapper#asToday}):
     * no hard point but H13 (one per child who must move, and is still where it must leave), nobody left without a
     * place who has one; and the shape the generator promises (groups of 2-4, pinned and placeTogether alike within
     * a group, no sibling group with a hard-rule pair of its own).
     */
    private static void assertCurrentPlacementsFeasible(PlacementProblem problem) {
        Map<String, ScoreBreakdown.ConstraintTotal> totals = byId(
                ScoreBreakdown.of(ProblemMapper.asToday(problem)).constraints(), ScoreBreakdown.ConstraintTotal::code);
        long mustMove = problem.children().stream()
                .filter(c -> Boolean.TRUE.equals(c.needsMove()))
                .count();
        for (HardRule rule : HardRule.values()) {
            assertThat(HardMediumSoftScore.parseScore(totals.get(rule.code()).score())
                            .hardScore())
                    .as(rule.constraintName() + ": " + totals.get(rule.code()).matches())
                    .isEqualTo(rule == HardRule.H13 ? -mustMove : 0);
        }
        for (ChildInput c : problem.children()) {
            assertThat(c.pinnedOrDefault() && Boolean.TRUE.equals(c.needsMove()))
                    .as(c.id())
                    .isFalse();
            if (c.pinnedOrDefault() || Boolean.TRUE.equals(c.needsMove())) {
                assertThat(c.currentPlacement()).as(c.id()).isNotNull();
            }
            assertThat(c.dateOfBirth()).as(c.id()).isBeforeOrEqualTo(problem.referenceDate());
        }
        Map<String, List<Child>> groups = engineView(problem).children().stream()
                .filter(c -> c.getSiblingGroup() != null)
                .collect(Collectors.groupingBy(Child::getSiblingGroup, LinkedHashMap::new, Collectors.toList()));
        for (List<Child> group : groups.values()) {
            assertThat(group.size()).isBetween(2, 4);
            assertThat(group.stream().map(Child::isPlaceTogether).distinct().toList())
                    .hasSize(1);
            if (group.getFirst().isPlaceTogether()) {
                assertThat(group.stream()
                                .map(Child::getCurrentPlacement)
                                .distinct()
                                .toList())
                        .as(group.getFirst().getSiblingGroup())
                        .hasSize(1);
                assertThat(group.stream().map(Child::isPinned).distinct().toList())
                        .hasSize(1);
            }
            // Flags are kept to children without siblings: a group never breaks H10 or H11 among itself, wherever
            // placed.
            assertThat(PlacementRules.pairsWithin(group, HardRule.H10)
                            + PlacementRules.pairsWithin(group, HardRule.H11))
                    .as(group.getFirst().getSiblingGroup())
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void mostWaitingChildrenHaveAFreeEligiblePlaceButNotAll(SampleSize size) {
        EngineView view = engineView(problem(size));
        List<Child> waiting = view.children().stream()
                .filter(c -> c.getCurrentPlacement() == null)
                .toList();
        long withOption = waiting.stream().filter(view::hasFreeEligiblePlace).count();
        long freePlaces = view.providers().stream().mapToInt(view::freePlaces).sum();
        assertThat(freePlaces).isGreaterThan(waiting.size());
        assertThat(withOption)
                .isGreaterThanOrEqualTo(Math.round(waiting.size() * 0.9))
                .isLessThan(waiting.size());
    }

    @Test
    void countyIsCalibrated() {
        PlacementProblem problem = problem(SampleSize.COUNTY);
        List<ChildInput> children = problem.children();
        double n = children.size();
        Map<String, Child> engineChildren = byId(engineView(problem).children(), Child::getId);
        assertThat(children.stream()
                                .filter(c -> engineChildren.get(c.id()).getAge() < 10)
                                .count()
                        / n)
                .isBetween(0.29, 0.41);
        assertThat(children.stream()
                                .filter(c -> engineChildren.get(c.id()).getAge() >= 16)
                                .count()
                        / n)
                .isBetween(0.21, 0.33);
        assertThat(children.stream().filter(c -> c.gender().equals("MALE")).count() / n)
                .isBetween(0.50, 0.62);
        assertThat(children.stream()
                                .filter(c -> c.needs() != null && c.needs().contains("UASC_SUPPORT"))
                                .count()
                        / n)
                .isBetween(0.06, 0.10);
        long placed =
                children.stream().filter(c -> c.currentPlacement() != null).count();
        assertThat(placed / n).isBetween(0.70, 0.75);
        assertThat(children.stream().filter(ChildInput::pinnedOrDefault).count() / (double) placed)
                .isBetween(0.33, 0.47);
        assertThat(children.stream()
                        .filter(c -> Boolean.TRUE.equals(c.needsMove()))
                        .count())
                .isPositive();
        assertThat(problem.providers().stream()
                                .filter(p -> p.localAuthority().equals("E10000003"))
                                .count()
                        / (double) problem.providers().size())
                .isBetween(0.45, 0.65);
        assertThat(problem.providers().stream()
                                .filter(p -> Boolean.TRUE.equals(p.emergencyApproved()))
                                .count()
                        / (double) problem.providers().size())
                .isBetween(0.12, 0.30);
        List<ChildInput> waiting =
                children.stream().filter(c -> c.currentPlacement() == null).toList();
        assertThat(waiting.stream()
                        .filter(c -> c.urgency() == Urgency.EMERGENCY)
                        .count())
                .isPositive();
        assertThat(waiting.stream().filter(c -> c.urgency() == Urgency.PLANNED).count() / (double) waiting.size())
                .isBetween(0.5, 0.8);
    }

    /** docs/calibration.md: 16% of approved places vacant; judged once every child would be placed. Prints the headline figures. */
    @ParameterizedTest
    @EnumSource(value = SampleSize.class, names = "NATIONAL", mode = EnumSource.Mode.EXCLUDE)
    void vacancyIsNearTheNationalRate(SampleSize size) {
        PlacementProblem problem = problem(size);
        System.out.println(describe(problem));
        int places =
                problem.providers().stream().mapToInt(ProviderInput::places).sum();
        double vacancyOnceAllPlaced = (places - problem.children().size()) / (double) places;
        assertThat(vacancyOnceAllPlaced).isBetween(0.12, 0.25);
    }

    // ---- helpers ----

    /** The problem as the engine sees it (ProblemMapper: ages, defaults, distances' origins), today's placements kept. */
    private record EngineView(List<Child> children, List<Provider> providers, Map<Provider, Integer> occupied) {
        int freePlaces(Provider provider) {
            return provider.getPlaces() - occupied.getOrDefault(provider, 0);
        }

        /** A provider with a free place that no per-child rule rules out for the child. */
        boolean hasFreeEligiblePlace(Child child) {
            return providers.stream().anyMatch(p -> freePlaces(p) > 0 && PlacementRules.isEligible(child, p));
        }
    }

    private static EngineView engineView(PlacementProblem problem) {
        PlacementSolution solution = ProblemMapper.asToday(problem);
        Map<Provider, Integer> occupied = new LinkedHashMap<>();
        solution.getChildren().stream()
                .filter(c -> c.getCurrentPlacement() != null)
                .forEach(c -> occupied.merge(c.getCurrentPlacement(), 1, Integer::sum));
        return new EngineView(solution.getChildren(), solution.getProviders(), occupied);
    }

    static String describe(PlacementProblem problem) {
        EngineView view = engineView(problem);
        List<Child> children = view.children();
        List<Child> placed =
                children.stream().filter(c -> c.getCurrentPlacement() != null).toList();
        int totalPlaces =
                view.providers().stream().mapToInt(Provider::getPlaces).sum();
        int free = totalPlaces - placed.size();
        long waiting = children.size() - placed.size();
        long pinned = children.stream().filter(Child::isPinned).count();
        long needsMove = children.stream().filter(Child::isNeedsMove).count();
        long inCounty =
                view.providers().stream().filter(Provider::isInHomeAuthority).count();
        long outOfArea = placed.stream()
                .filter(c -> !c.getCurrentPlacement().isInHomeAuthority())
                .count();
        long over20 = placed.stream()
                .filter(c -> c.milesTo(c.getCurrentPlacement()) > SoftTerms.FAR_MILES)
                .count();
        List<Child> inHomes = placed.stream()
                .filter(c -> c.getCurrentPlacement().getType() == ProviderType.RESIDENTIAL_HOME)
                .toList();
        long homesOver20 = inHomes.stream()
                .filter(c -> c.milesTo(c.getCurrentPlacement()) > SoftTerms.FAR_MILES)
                .count();
        Map<ProviderType, Long> mix = placed.stream()
                .collect(Collectors.groupingBy(
                        c -> c.getCurrentPlacement().getType(),
                        () -> new EnumMap<>(ProviderType.class),
                        Collectors.counting()));
        Map<ProviderType, Long> providerMix = view.providers().stream()
                .collect(Collectors.groupingBy(
                        Provider::getType, () -> new EnumMap<>(ProviderType.class), Collectors.counting()));
        long emergencyApproved =
                view.providers().stream().filter(Provider::isEmergencyApproved).count();
        long noOption = children.stream()
                .filter(c -> c.getCurrentPlacement() == null)
                .filter(c -> !view.hasFreeEligiblePlace(c))
                .count();
        Map<Urgency, Long> urgency = children.stream()
                .filter(c -> c.getCurrentPlacement() == null)
                .collect(Collectors.groupingBy(
                        Child::getUrgency, () -> new EnumMap<>(Urgency.class), Collectors.counting()));
        double avgCost = placed.stream()
                .mapToDouble(c -> c.getCurrentPlacement().getWeeklyCost())
                .average()
                .orElse(0);
        return String.format(
                Locale.ROOT,
                "%s: children %d, providers %d (in county %.1f%%, emergency-approved %.1f%%), placed %d (%.1f%%), waiting %d %s,"
                        + " pinned %d, needsMove %d, places %d, free %d (vacancy now %.1f%%, once all placed %.1f%%),"
                        + " waiting with no free eligible place %d; placed out of area %.1f%%, >20 miles %.1f%%,"
                        + " children's homes >20 miles %.1f%%; placed mix %s; providers %s; avg weekly cost of placed £%.0f",
                problem.name(),
                children.size(),
                view.providers().size(),
                100.0 * inCounty / view.providers().size(),
                100.0 * emergencyApproved / view.providers().size(),
                placed.size(),
                100.0 * placed.size() / children.size(),
                waiting,
                urgency,
                pinned,
                needsMove,
                totalPlaces,
                free,
                100.0 * free / totalPlaces,
                100.0 * (totalPlaces - children.size()) / totalPlaces,
                noOption,
                100.0 * outOfArea / placed.size(),
                100.0 * over20 / placed.size(),
                inHomes.isEmpty() ? 0 : 100.0 * homesOver20 / inHomes.size(),
                mix,
                providerMix,
                avgCost);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            assertThat(map.put(Objects.requireNonNull(id.apply(item)), item))
                    .as("duplicate id " + id.apply(item))
                    .isNull();
        }
        return map;
    }
}
