package org.placementmatcher.data.ssda903;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.data.postcode.Postcodes;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.ProviderType;

/**
 * The providers of the placements an SSDA903 import finds, matched to the register's or made for it.
 *
 * <p>Matching: a provider of the register with the episode's type and Ofsted URN; for a foster type, whose
 * households share their agency's URN (or have none), the one with the type, the URN (or none) and the
 * placement's postcode; for a home or supported accommodation without a URN, the one with the type and postcode.
 *
 * <p>Where none matches, a provider is made, once for all the children the file places there, with these
 * defaults (README "SSDA903 import"): {@code places} the children placed there; ages 0 to 25 (16 to 25 for
 * supported lodgings, the youngest it may take); {@code capabilities} the needs of the children placed there
 * (the return shows it meets them); the connected children of a connected person those placed there; a foster
 * type with more than the usual limit of children placed there {@code fosteringLimitExemption} (the return shows
 * the household holds them); its authority the postcode's; and {@link #DEFAULT_WEEKLY_COST} a week.
 */
final class Ssda903Providers {

    /**
     * The weekly cost of a provider the import makes, per type: the lowest figure docs/calibration.md publishes
     * for the type (in-house £350-650, IFA min £550, connected person £250-350, children's home £3,800 to £6,100,
     * supported lodgings £600-1,200), so that a guessed price never by itself makes moving a child look worthwhile.
     * A council sets the real prices afterwards.
     */
    static final Map<ProviderType, Integer> DEFAULT_WEEKLY_COST = new EnumMap<>(Map.of(
            ProviderType.IN_HOUSE_FOSTER, 350,
            ProviderType.IFA_FOSTER, 550,
            ProviderType.CONNECTED_PERSON, 250,
            ProviderType.RESIDENTIAL_HOME, 3800,
            ProviderType.SUPPORTED_LODGINGS, 600));

    static final int MAX_AGE = 25;

    /** A placement as the import found it: where the child is, and how to name the episode it comes from. */
    record Placement(ProviderType type, String urn, ResolvedPostcode place, Ssda903Row episode) {}

    /** A provider the import makes, and the children it places there. */
    private static final class Made {
        final String id;
        final Placement first;
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> needs = new LinkedHashSet<>();

        Made(String id, Placement first) {
            this.id = id;
            this.first = first;
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<ObjectNode> registered;
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Made> made = new LinkedHashMap<>();
    /** Register providers the import changes (a connected person's new connected child), by id. */
    private final Map<String, ObjectNode> changed = new LinkedHashMap<>();

    Ssda903Providers(ArrayNode providers) {
        registered = new ArrayList<>();
        for (JsonNode provider : providers) {
            registered.add((ObjectNode) provider);
            ids.add(provider.path("id").asText());
        }
    }

    /**
     * The id of the provider of the placement, matched or made, with the child counted there; null when none
     * matches and none can be made (the placement has no postcode).
     */
    String place(Placement placement, String childId, List<String> needs) {
        ObjectNode match = match(placement);
        if (match != null) {
            if (placement.type() == ProviderType.CONNECTED_PERSON) {
                connect(match, childId);
            }
            return match.path("id").asText();
        }
        if (placement.place() == null) {
            return null;
        }
        String key = key(placement);
        Made provider = made.computeIfAbsent(key, k -> new Made(newId(placement), placement));
        provider.children.add(childId);
        provider.needs.addAll(needs);
        return provider.id;
    }

    /** The providers made, as the contract writes them. */
    List<ObjectNode> made() {
        List<ObjectNode> records = new ArrayList<>();
        for (Made provider : made.values()) {
            records.add(record(provider));
        }
        return records;
    }

    /** The register's providers the import changed. */
    List<ObjectNode> changed() {
        return List.copyOf(changed.values());
    }

    /** The episode that made the provider with the id (null: not made by the import), to name its problems. */
    Ssda903Row madeBy(String id) {
        return made.values().stream()
                .filter(m -> m.id.equals(id))
                .map(m -> m.first.episode())
                .findFirst()
                .orElse(null);
    }

    private ObjectNode match(Placement placement) {
        boolean byPostcode = placement.type().isFoster() || placement.urn() == null;
        String postcode = placement.place() == null ? null : placement.place().postcode();
        for (ObjectNode provider : registered) {
            boolean sameType =
                    placement.type().name().equals(provider.path("type").asText());
            boolean sameUrn = placement.urn() == null
                    || placement.urn().equals(provider.path("ofstedUrn").asText(null));
            boolean samePostcode = !byPostcode
                    || Postcodes.normalise(
                                    provider.path("location").path("postcode").asText(""))
                            .filter(p -> p.equals(postcode))
                            .isPresent();
            if (sameType && sameUrn && samePostcode) {
                return provider;
            }
        }
        return null;
    }

    private void connect(ObjectNode provider, String childId) {
        JsonNode connected = provider.path("connectedChildren");
        for (JsonNode id : connected) {
            if (childId.equals(id.asText())) {
                return;
            }
        }
        ObjectNode copy = changed.computeIfAbsent(provider.path("id").asText(), id -> provider.deepCopy());
        ArrayNode list = copy.has("connectedChildren")
                ? (ArrayNode) copy.get("connectedChildren")
                : copy.putArray("connectedChildren");
        list.add(childId);
    }

    /** One made provider per type, URN and (for foster households and places without a URN) postcode. */
    private static String key(Placement placement) {
        boolean byPostcode = placement.type().isFoster() || placement.urn() == null;
        return placement.type() + "|" + (placement.urn() == null ? "" : placement.urn()) + "|"
                + (byPostcode ? placement.place().postcode() : "");
    }

    /** "903-" then the URN and (where matched by it) the postcode; the type added should that id be taken. */
    private String newId(Placement placement) {
        List<String> parts = new ArrayList<>();
        if (placement.urn() != null) {
            parts.add(placement.urn());
        }
        if (placement.type().isFoster() || placement.urn() == null) {
            parts.add(compact(placement.place().postcode()));
        }
        String id = "903-" + String.join("-", parts);
        if (!ids.contains(id)) {
            ids.add(id);
            return id;
        }
        String typed = id + "-" + placement.type().name();
        String candidate = typed;
        for (int n = 2; ids.contains(candidate); n++) {
            candidate = typed + "-" + n;
        }
        ids.add(candidate);
        return candidate;
    }

    private static ObjectNode record(Made provider) {
        Placement placement = provider.first;
        ProviderType type = placement.type();
        ObjectNode record = JSON.objectNode();
        record.put("id", provider.id);
        record.put("type", type.name());
        if (placement.urn() != null) {
            record.put("ofstedUrn", placement.urn());
        }
        record.put("localAuthority", placement.place().upperTierAuthority());
        record.set("location", Ssda903Import.point(placement.place()));
        record.put("places", provider.children.size());
        record.put("ageMin", type == ProviderType.SUPPORTED_LODGINGS ? PlacementRules.SUPPORTED_LODGINGS_MIN_AGE : 0);
        record.put("ageMax", MAX_AGE);
        record.put("weeklyCost", DEFAULT_WEEKLY_COST.get(type));
        if (!provider.needs.isEmpty()) {
            ArrayNode capabilities = record.putArray("capabilities");
            provider.needs.forEach(capabilities::add);
        }
        if (type == ProviderType.CONNECTED_PERSON) {
            ArrayNode connected = record.putArray("connectedChildren");
            provider.children.forEach(connected::add);
        }
        if (type.isFoster() && provider.children.size() > PlacementRules.USUAL_FOSTERING_LIMIT) {
            record.put("fosteringLimitExemption", true);
        }
        return record;
    }

    /** The postcode as part of an id: without its space. */
    private static String compact(String postcode) {
        return postcode.replace(" ", "");
    }
}
