package org.placementmatcher.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
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

import org.placementmatcher.domain.Geo;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ExcludedArea;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.SampleDataGenerator.Size;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

class SampleDataGeneratorTest {

    private static final Map<Size, PlacementProblem> GENERATED = new EnumMap<>(Size.class);

    private static synchronized PlacementProblem problem(Size size) {
        return GENERATED.computeIfAbsent(size, s -> SampleDataGenerator.generate(s, SampleDataGenerator.DEFAULT_SEED));
    }

    @Test
    void sameSeedGivesByteIdenticalJson() {
        for (Size size : List.of(Size.SMALL, Size.COUNTY)) {
            String first = SampleDataGenerator.toJson(SampleDataGenerator.generate(size, 7L));
            String second = SampleDataGenerator.toJson(SampleDataGenerator.generate(size, 7L));
            assertThat(second).isEqualTo(first);
        }
        assertThat(SampleDataGenerator.toJson(problem(Size.COUNTY)))
                .isEqualTo(SampleDataGenerator.toJson(SampleDataGenerator.generate(Size.COUNTY, SampleDataGenerator.DEFAULT_SEED)));
    }

    @Test
    void anotherSeedGivesAnotherCaseload() {
        assertThat(SampleDataGenerator.toJson(SampleDataGenerator.generate(Size.SMALL, 1L)))
                .isNotEqualTo(SampleDataGenerator.toJson(SampleDataGenerator.generate(Size.SMALL, 2L)));
    }

    @Test
    void writeWritesThePrettyJsonWithoutNulls(@TempDir Path dir) throws Exception {
        PlacementProblem problem = problem(Size.SMALL);
        Path file = dir.resolve(Size.SMALL.fileName());
        SampleDataGenerator.write(problem, file);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(SampleDataGenerator.toJson(problem));
        assertThat(written).doesNotContain("null").contains("\n  \"schemaVersion\" : 1,");
    }

    @Test
    void fileNamesAndHeader() {
        assertThat(List.of(Size.values()).stream().map(Size::fileName))
                .containsExactly("small.json", "county.json", "county-1200.json", "region.json");
        PlacementProblem problem = problem(Size.COUNTY);
        assertThat(problem.schemaVersion()).isEqualTo(1);
        assertThat(problem.homeAuthority()).isEqualTo("E10000003");
        assertThat(problem.referenceDate()).isEqualTo(SampleDataGenerator.REFERENCE_DATE);
        assertThat(problem.name()).contains("synthetic").contains(String.valueOf(SampleDataGenerator.DEFAULT_SEED));
        assertThat(problem.adjoiningAuthorities()).containsExactlyInAnyOrder("E06000031", "E10000020", "E10000029",
                "E10000012", "E10000015", "E06000056", "E06000055", "E06000061", "E10000019");
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void sizesAreWithinTenPercentOfTheTargets(Size size) {
        PlacementProblem problem = problem(size);
        assertThat(problem.children().size()).isBetween((int) (size.children() * 0.9), (int) (size.children() * 1.1));
        assertThat(problem.providers().size()).isBetween((int) (size.providers() * 0.9), (int) (size.providers() * 1.1));
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void generatedJsonPassesTheContractValidation(Size size) {
        PlacementProblem problem = problem(size);
        String json = SampleDataGenerator.toJson(problem);
        assertThatCode(() -> ProblemReader.read(json)).doesNotThrowAnyException();
        assertThat(ProblemReader.read(json)).isEqualTo(problem);
    }

    @Test
    void regionFileStaysSmall() {
        assertThat(SampleDataGenerator.toJson(problem(Size.REGION)).getBytes(StandardCharsets.UTF_8).length)
                .isLessThan(8_000_000);
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void providersFollowTheContractLimits(Size size) {
        assertProvidersFollowTheContractLimits(problem(size));
    }

    private static void assertProvidersFollowTheContractLimits(PlacementProblem problem) {
        Map<String, ChildInput> children = byId(problem.children(), ChildInput::id);
        for (ProviderInput p : problem.providers()) {
            assertThat(p.ageMin()).as(p.id()).isLessThanOrEqualTo(p.ageMax()).isNotNegative();
            assertThat(p.ageMax()).as(p.id()).isLessThanOrEqualTo(25);
            assertThat(p.places()).as(p.id()).isNotNegative();
            assertThat(p.weeklyCost()).as(p.id()).isNotNegative();
            if (p.type() == ProviderType.SUPPORTED_LODGINGS) {
                assertThat(p.ageMin()).as(p.id()).isGreaterThanOrEqualTo(16);
            }
            if (p.type().isFoster() && p.places() > 3) {
                assertThat(p.fosteringLimitExemption()).as(p.id()).isTrue();
            }
            if (p.type() == ProviderType.CONNECTED_PERSON) {
                assertThat(p.connectedChildren()).as(p.id()).isNotEmpty();
                assertThat(p.connectedChildren()).as(p.id()).allMatch(children::containsKey);
                if (p.connectedChildren().size() > 1) {
                    // the whole sibling group, never unrelated children
                    String group = children.get(p.connectedChildren().getFirst()).siblingGroup();
                    assertThat(group).as(p.id()).isNotNull();
                    assertThat(p.connectedChildren()).as(p.id()).allMatch(id -> group.equals(children.get(id).siblingGroup()));
                }
            } else {
                assertThat(p.connectedChildren()).as(p.id()).isNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void currentPlacementsSatisfyEveryHardRule(Size size) {
        assertCurrentPlacementsFeasible(problem(size));
    }

    @Test
    void otherSeedsAreValidAndFeasibleToo() {
        for (long seed = 1; seed <= 40; seed++) {
            for (Size size : seed <= 8 ? List.of(Size.SMALL, Size.COUNTY, Size.LARGE) : List.of(Size.SMALL)) {
                PlacementProblem problem = SampleDataGenerator.generate(size, seed);
                String json = SampleDataGenerator.toJson(problem);
                assertThatCode(() -> ProblemReader.read(json)).as(size + " seed " + seed).doesNotThrowAnyException();
                assertCurrentPlacementsFeasible(problem);
                assertProvidersFollowTheContractLimits(problem);
            }
        }
    }

    private static void assertCurrentPlacementsFeasible(PlacementProblem problem) {
        Map<String, ProviderInput> providers = byId(problem.providers(), ProviderInput::id);
        Map<String, List<ChildInput>> atProvider = new LinkedHashMap<>();
        for (ChildInput c : problem.children()) {
            assertThat(c.pinnedOrDefault() && Boolean.TRUE.equals(c.needsMove())).as(c.id()).isFalse();
            if (c.pinnedOrDefault() || Boolean.TRUE.equals(c.needsMove())) {
                assertThat(c.currentPlacement()).as(c.id()).isNotNull();
            }
            assertThat(c.dateOfBirth()).as(c.id()).isBeforeOrEqualTo(problem.referenceDate());
            if (c.currentPlacement() == null) {
                continue;
            }
            ProviderInput p = providers.get(c.currentPlacement());
            assertThat(p).as(c.id()).isNotNull();
            atProvider.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(c);
            int age = age(problem, c);
            // H2 age range, H6 supported lodgings 16+, H7 connected person, H5 gender, H4 needs, H12 excluded areas
            assertThat(age).as(c.id() + " at " + p.id()).isBetween(p.ageMin(), p.ageMax());
            if (p.type() == ProviderType.SUPPORTED_LODGINGS) {
                assertThat(age).as(c.id()).isGreaterThanOrEqualTo(16);
            }
            if (p.type() == ProviderType.CONNECTED_PERSON) {
                assertThat(p.connectedChildren()).as(c.id()).contains(c.id());
            }
            if (p.acceptsGenders() != null) {
                assertThat(p.acceptsGenders()).as(c.id()).contains(c.gender());
            }
            if (c.needs() != null) {
                assertThat(p.capabilities()).as(c.id()).containsAll(c.needs());
            }
            if (c.excludedAreas() != null) {
                for (ExcludedArea area : c.excludedAreas()) {
                    assertThat(Geo.miles(area.lat(), area.lon(), p.location().lat(), p.location().lon()))
                            .as(c.id()).isGreaterThan(area.radiusMiles());
                }
            }
        }
        for (Map.Entry<String, List<ChildInput>> entry : atProvider.entrySet()) {
            ProviderInput p = providers.get(entry.getKey());
            List<ChildInput> here = entry.getValue();
            // H1 capacity
            assertThat(here.size()).as(p.id()).isLessThanOrEqualTo(p.places());
            // H14 fostering limit
            if (p.type().isFoster() && !Boolean.TRUE.equals(p.fosteringLimitExemption()) && here.size() > 3) {
                assertThat(here.stream().map(ChildInput::siblingGroup).distinct().toList()).as(p.id()).hasSize(1).doesNotContainNull();
            }
            for (ChildInput a : here) {
                for (ChildInput b : here) {
                    if (a == b) {
                        continue;
                    }
                    // H10 risk to younger children, H11 sole placement
                    if (Boolean.TRUE.equals(a.riskToYoungerChildren())) {
                        assertThat(age(problem, b)).as(a.id() + " with " + b.id()).isGreaterThanOrEqualTo(age(problem, a));
                    }
                    if (Boolean.TRUE.equals(a.requiresSolePlacement())) {
                        assertThat(a.siblingGroup()).as(a.id() + " with " + b.id()).isNotNull().isEqualTo(b.siblingGroup());
                    }
                }
            }
        }
        // H3 siblings together; pinned equal within a placeTogether group
        Map<String, List<ChildInput>> groups = problem.children().stream().filter(c -> c.siblingGroup() != null)
                .collect(Collectors.groupingBy(ChildInput::siblingGroup, LinkedHashMap::new, Collectors.toList()));
        for (List<ChildInput> group : groups.values()) {
            assertThat(group.size()).isBetween(2, 4);
            assertThat(group.stream().map(ChildInput::placeTogether).distinct().toList()).hasSize(1).doesNotContainNull();
            if (group.getFirst().placeTogetherOrDefault()) {
                assertThat(group.stream().map(ChildInput::currentPlacement).distinct().toList()).as(group.getFirst().siblingGroup()).hasSize(1);
                assertThat(group.stream().map(ChildInput::pinnedOrDefault).distinct().toList()).hasSize(1);
            }
            // riskToYoungerChildren never in a group with a younger sibling
            for (ChildInput c : group) {
                if (Boolean.TRUE.equals(c.riskToYoungerChildren())) {
                    assertThat(group).allMatch(s -> age(problem, s) >= age(problem, c));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void mostWaitingChildrenHaveAFreeEligiblePlaceButNotAll(Size size) {
        PlacementProblem problem = problem(size);
        Map<String, Integer> occupied = new LinkedHashMap<>();
        problem.children().stream().filter(c -> c.currentPlacement() != null)
                .forEach(c -> occupied.merge(c.currentPlacement(), 1, Integer::sum));
        List<ChildInput> waiting = problem.children().stream().filter(c -> c.currentPlacement() == null).toList();
        long withOption = waiting.stream().filter(c -> problem.providers().stream()
                .anyMatch(p -> p.places() > occupied.getOrDefault(p.id(), 0) && eligible(problem, c, p))).count();
        long freePlaces = problem.providers().stream().mapToInt(p -> p.places() - occupied.getOrDefault(p.id(), 0)).sum();
        assertThat(freePlaces).isGreaterThan(waiting.size());
        assertThat(withOption).isGreaterThanOrEqualTo(Math.round(waiting.size() * 0.9)).isLessThan(waiting.size());
    }

    @Test
    void countyIsCalibrated() {
        PlacementProblem problem = problem(Size.COUNTY);
        List<ChildInput> children = problem.children();
        double n = children.size();
        assertThat(children.stream().filter(c -> age(problem, c) < 10).count() / n).isBetween(0.29, 0.41);
        assertThat(children.stream().filter(c -> age(problem, c) >= 16).count() / n).isBetween(0.21, 0.33);
        assertThat(children.stream().filter(c -> c.gender().equals("MALE")).count() / n).isBetween(0.50, 0.62);
        assertThat(children.stream().filter(c -> c.needs() != null && c.needs().contains("UASC_SUPPORT")).count() / n).isBetween(0.06, 0.10);
        long placed = children.stream().filter(c -> c.currentPlacement() != null).count();
        assertThat(placed / n).isBetween(0.70, 0.75);
        assertThat(children.stream().filter(ChildInput::pinnedOrDefault).count() / (double) placed).isBetween(0.33, 0.47);
        assertThat(children.stream().filter(c -> Boolean.TRUE.equals(c.needsMove())).count()).isPositive();
        assertThat(problem.providers().stream().filter(p -> p.localAuthority().equals("E10000003")).count()
                / (double) problem.providers().size()).isBetween(0.45, 0.65);
        assertThat(problem.providers().stream().filter(p -> Boolean.TRUE.equals(p.emergencyApproved())).count()
                / (double) problem.providers().size()).isBetween(0.12, 0.30);
        List<ChildInput> waiting = children.stream().filter(c -> c.currentPlacement() == null).toList();
        assertThat(waiting.stream().filter(c -> c.urgency() == Urgency.EMERGENCY).count()).isPositive();
        assertThat(waiting.stream().filter(c -> c.urgency() == Urgency.PLANNED).count() / (double) waiting.size()).isBetween(0.5, 0.8);
    }

    /** docs/calibration.md: 16% of approved places vacant; judged once every child would be placed. Prints the headline figures. */
    @ParameterizedTest
    @EnumSource(Size.class)
    void vacancyIsNearTheNationalRate(Size size) {
        PlacementProblem problem = problem(size);
        System.out.println(describe(problem));
        int places = problem.providers().stream().mapToInt(ProviderInput::places).sum();
        double vacancyOnceAllPlaced = (places - problem.children().size()) / (double) places;
        assertThat(vacancyOnceAllPlaced).isBetween(0.12, 0.25);
    }

    // ---- helpers ----

    private static int age(PlacementProblem problem, ChildInput c) {
        return Period.between(c.dateOfBirth(), problem.referenceDate()).getYears();
    }

    /** The per-child rules of a new placement: H2, H4-H9, H12. */
    private static boolean eligible(PlacementProblem problem, ChildInput c, ProviderInput p) {
        int age = age(problem, c);
        if (age < p.ageMin() || age > p.ageMax()) {
            return false;
        }
        if (c.needs() != null && (p.capabilities() == null || !p.capabilities().containsAll(c.needs()))) {
            return false;
        }
        if (p.acceptsGenders() != null && !p.acceptsGenders().contains(c.gender())) {
            return false;
        }
        if (p.type() == ProviderType.SUPPORTED_LODGINGS && age < 16) {
            return false;
        }
        if (p.type() == ProviderType.CONNECTED_PERSON && !p.connectedChildren().contains(c.id())) {
            return false;
        }
        var neededBy = c.neededBy() == null ? problem.referenceDate() : c.neededBy();
        if (p.availableFrom() != null && p.availableFrom().isAfter(neededBy)) {
            return false;
        }
        if (c.urgency() == Urgency.EMERGENCY && !Boolean.TRUE.equals(p.emergencyApproved())) {
            return false;
        }
        if (c.excludedAreas() != null) {
            for (ExcludedArea area : c.excludedAreas()) {
                if (Geo.miles(area.lat(), area.lon(), p.location().lat(), p.location().lon()) <= area.radiusMiles()) {
                    return false;
                }
            }
        }
        return true;
    }

    static String describe(PlacementProblem problem) {
        Map<String, ProviderInput> providers = byId(problem.providers(), ProviderInput::id);
        List<ChildInput> children = problem.children();
        List<ChildInput> placed = children.stream().filter(c -> c.currentPlacement() != null).toList();
        int totalPlaces = problem.providers().stream().mapToInt(ProviderInput::places).sum();
        int free = totalPlaces - placed.size();
        long waiting = children.size() - placed.size();
        long pinned = children.stream().filter(ChildInput::pinnedOrDefault).count();
        long needsMove = children.stream().filter(c -> Boolean.TRUE.equals(c.needsMove())).count();
        long inCounty = problem.providers().stream().filter(p -> p.localAuthority().equals(problem.homeAuthority())).count();
        long outOfArea = placed.stream().filter(c -> !providers.get(c.currentPlacement()).localAuthority().equals(problem.homeAuthority())).count();
        long over20 = placed.stream().filter(c -> miles(c, providers.get(c.currentPlacement())) > 20).count();
        List<ChildInput> inHomes = placed.stream().filter(c -> providers.get(c.currentPlacement()).type() == ProviderType.RESIDENTIAL_HOME).toList();
        long homesOver20 = inHomes.stream().filter(c -> miles(c, providers.get(c.currentPlacement())) > 20).count();
        Map<ProviderType, Long> mix = placed.stream().collect(Collectors.groupingBy(c -> providers.get(c.currentPlacement()).type(),
                () -> new EnumMap<>(ProviderType.class), Collectors.counting()));
        Map<ProviderType, Long> providerMix = problem.providers().stream().collect(Collectors.groupingBy(ProviderInput::type,
                () -> new EnumMap<>(ProviderType.class), Collectors.counting()));
        long emergencyApproved = problem.providers().stream().filter(p -> Boolean.TRUE.equals(p.emergencyApproved())).count();
        Map<String, Integer> occupied = new LinkedHashMap<>();
        placed.forEach(c -> occupied.merge(c.currentPlacement(), 1, Integer::sum));
        long noOption = children.stream().filter(c -> c.currentPlacement() == null).filter(c -> problem.providers().stream()
                .noneMatch(p -> p.places() > occupied.getOrDefault(p.id(), 0) && eligible(problem, c, p))).count();
        Map<Urgency, Long> urgency = children.stream().filter(c -> c.currentPlacement() == null).collect(
                Collectors.groupingBy(ChildInput::urgency, () -> new EnumMap<>(Urgency.class), Collectors.counting()));
        double avgCost = placed.stream().mapToDouble(c -> providers.get(c.currentPlacement()).weeklyCost()).average().orElse(0);
        return String.format(Locale.ROOT,
                "%s: children %d, providers %d (in county %.1f%%, emergency-approved %.1f%%), placed %d (%.1f%%), waiting %d %s,"
                        + " pinned %d, needsMove %d, places %d, free %d (vacancy now %.1f%%, once all placed %.1f%%),"
                        + " waiting with no free eligible place %d; placed out of area %.1f%%, >20 miles %.1f%%,"
                        + " children's homes >20 miles %.1f%%; placed mix %s; providers %s; avg weekly cost of placed £%.0f",
                problem.name(), children.size(), problem.providers().size(), 100.0 * inCounty / problem.providers().size(),
                100.0 * emergencyApproved / problem.providers().size(), placed.size(), 100.0 * placed.size() / children.size(),
                waiting, urgency, pinned, needsMove, totalPlaces, free, 100.0 * free / totalPlaces,
                100.0 * (totalPlaces - children.size()) / totalPlaces, noOption, 100.0 * outOfArea / placed.size(),
                100.0 * over20 / placed.size(), inHomes.isEmpty() ? 0 : 100.0 * homesOver20 / inHomes.size(), mix, providerMix, avgCost);
    }

    private static double miles(ChildInput c, ProviderInput p) {
        var from = c.school() != null ? c.school() : c.home();
        return Geo.miles(from.lat(), from.lon(), p.location().lat(), p.location().lon());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            assertThat(map.put(Objects.requireNonNull(id.apply(item)), item)).as("duplicate id " + id.apply(item)).isNull();
        }
        return map;
    }
}
