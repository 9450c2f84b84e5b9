package org.placementmatcher.web;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.domain.Geo;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.register.Register;
import org.placementmatcher.register.RegisterService;

/**
 * The register's providers and children as the register pages list them, worked out once per register version
 * (free places, each child's miles from school or home) and kept while the register does not change, so that a
 * page of the region dataset is a filter, sort and slice of rows in memory rather than a reload.
 */
@ApplicationScoped
public class RegisterTables {

    /** Over this many miles a placement counts as far (the KPI "over 20 miles"). */
    static final double FAR_MILES = 20;

    /** A provider as listed. */
    @TemplateData
    public record ProviderRow(
            ProviderInput input, String typeLabel, int placed, int free, boolean outOfArea, int within20, int over20) {
        public String id() {
            return input.id();
        }

        public String cost() {
            return Words.pounds(input.weeklyCost());
        }

        public String ages() {
            return input.ageMin() + " to " + input.ageMax();
        }

        public String needsMet() {
            return Words.list(input.capabilities());
        }
    }

    /** A child as listed: placed at {@code provider} ({@code null}: waiting), {@code miles} from school or home. */
    @TemplateData
    public record ChildRow(ChildInput input, int age, ProviderInput provider, Double miles, String milesFrom) {
        public String id() {
            return input.id();
        }

        public boolean waiting() {
            return provider == null;
        }

        public String needs() {
            return Words.list(input.needs());
        }

        public String distance() {
            return miles == null ? "" : Words.miles(miles) + " from " + milesFrom;
        }
    }

    /** One version of a register as the pages see it. */
    public record Tables(Register register, List<ProviderRow> providers, List<ChildRow> children) {
        public ProviderRow provider(String id) {
            return providers.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        }

        public ChildRow child(String id) {
            return children.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
        }
    }

    private final RegisterService registers;
    private final Map<String, Tables> cache = new ConcurrentHashMap<>();

    public RegisterTables(RegisterService registers) {
        this.registers = registers;
    }

    /** The register's rows at its current version (a header read when nothing changed). */
    public Tables of(String authority) {
        long version = registers.version(RegisterService.checkAuthority(authority));
        // In a shared register each user sees only its authorities' children (contract section 8): one table each.
        String key = authority + "/" + registers.scope(authority).key();
        Tables cached = cache.get(key);
        if (cached != null && cached.register().version() == version) {
            return cached;
        }
        Tables fresh = build(registers.get(authority));
        cache.put(key, fresh);
        return fresh;
    }

    static Tables build(Register register) {
        PlacementProblem problem = register.problem();
        LocalDate today = problem.referenceDate();
        Map<String, ProviderInput> providersById = new HashMap<>();
        problem.providers().forEach(p -> providersById.put(p.id(), p));
        Map<String, int[]> placedBands = new HashMap<>(); // provider id -> {within 20, over 20}
        List<ChildRow> children = new ArrayList<>(problem.children().size());
        for (ChildInput child : problem.children()) {
            ProviderInput at = child.currentPlacement() == null ? null : providersById.get(child.currentPlacement());
            Double miles = null;
            String from = null;
            if (at != null) {
                GeoPoint origin = child.school() != null ? child.school() : child.home();
                from = child.school() != null ? "school" : "home";
                miles = Geo.miles(
                        origin.lat(),
                        origin.lon(),
                        at.location().lat(),
                        at.location().lon());
                placedBands.computeIfAbsent(at.id(), id -> new int[2])[miles > FAR_MILES ? 1 : 0]++;
            }
            int age = Period.between(child.dateOfBirth(), today).getYears();
            children.add(new ChildRow(child, age, at, miles, from));
        }
        List<ProviderRow> providers = new ArrayList<>(problem.providers().size());
        for (ProviderInput p : problem.providers()) {
            int[] bands = placedBands.getOrDefault(p.id(), new int[2]);
            int placed = bands[0] + bands[1];
            providers.add(new ProviderRow(
                    p,
                    Words.providerType(p.type()),
                    placed,
                    Math.max(0, p.places() - placed),
                    !register.authority().equals(p.localAuthority()),
                    bands[0],
                    bands[1]));
        }
        return new Tables(register, List.copyOf(providers), List.copyOf(children));
    }

    // Filters and orders the list pages offer.

    static Predicate<ProviderRow> providerFilter(String type, boolean freeOnly, Integer age, String need) {
        Predicate<ProviderRow> filter = row -> true;
        if (type != null && !type.isBlank()) {
            filter = filter.and(row -> row.input().type().name().equals(type));
        }
        if (freeOnly) {
            filter = filter.and(row -> row.free() > 0);
        }
        if (age != null) {
            filter = filter.and(
                    row -> row.input().ageMin() <= age && age <= row.input().ageMax());
        }
        if (need != null && !need.isBlank()) {
            filter = filter.and(row -> row.input().capabilities() != null
                    && row.input().capabilities().contains(need));
        }
        return filter;
    }

    static Comparator<ProviderRow> providerOrder(String sort) {
        Comparator<ProviderRow> byId = Comparator.comparing(ProviderRow::id);
        return switch (sort == null ? "" : sort) {
            case "cost" ->
                Comparator.comparing((ProviderRow r) -> r.input().weeklyCost()).thenComparing(byId);
            case "free" -> Comparator.comparingInt(ProviderRow::free).reversed().thenComparing(byId);
            case "type" -> Comparator.comparing(ProviderRow::typeLabel).thenComparing(byId);
            default -> byId;
        };
    }

    /** Age bands the children's list filters by: 0-4, 5-9, 10-15, 16+. */
    static final Map<String, int[]> AGE_BANDS = Map.of(
            "0-4", new int[] {0, 4}, "5-9", new int[] {5, 9}, "10-15", new int[] {10, 15}, "16+", new int[] {16, 200});

    static Predicate<ChildRow> childFilter(String status, String urgency, String ageBand, String need) {
        Predicate<ChildRow> filter = row -> true;
        if ("waiting".equals(status)) {
            filter = filter.and(ChildRow::waiting);
        } else if ("placed".equals(status)) {
            filter = filter.and(row -> !row.waiting());
        }
        if (urgency != null && !urgency.isBlank()) {
            filter = filter.and(row -> row.input().urgency().name().equals(urgency));
        }
        int[] band = ageBand == null ? null : AGE_BANDS.get(ageBand);
        if (band != null) {
            filter = filter.and(row -> band[0] <= row.age() && row.age() <= band[1]);
        }
        if (need != null && !need.isBlank()) {
            filter = filter.and(
                    row -> row.input().needs() != null && row.input().needs().contains(need));
        }
        return filter;
    }

    static Comparator<ChildRow> childOrder(String sort) {
        Comparator<ChildRow> byId = Comparator.comparing(ChildRow::id);
        // Most urgent first (EMERGENCY, URGENT, PLANNED is the enum's order), then who needs a bed soonest.
        Comparator<ChildRow> byUrgency = Comparator.comparing((ChildRow r) -> !r.waiting())
                .thenComparing(r -> r.input().urgency())
                .thenComparing(r ->
                        r.input().neededBy() == null ? LocalDate.MIN : r.input().neededBy())
                .thenComparing(byId);
        return switch (sort == null ? "" : sort) {
            case "id" -> byId;
            case "age" -> Comparator.comparingInt(ChildRow::age).thenComparing(byId);
            case "miles" ->
                Comparator.comparing((ChildRow r) -> r.miles() == null ? -1 : r.miles())
                        .reversed()
                        .thenComparing(byId);
            default -> byUrgency;
        };
    }

    static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    static List<String> providerTypes() {
        return java.util.Arrays.stream(ProviderType.values()).map(Enum::name).toList();
    }
}
