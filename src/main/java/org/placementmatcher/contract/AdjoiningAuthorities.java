package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The problem's optional {@code adjoiningAuthorities} (docs/contract.md section 8 and Extensions), in either of its
 * two forms, written back in the form it was read:
 * <ul>
 *   <li>a list of codes: the authorities adjoining the problem's {@code homeAuthority} (the first form);
 *   <li>an object mapping an authority code to the codes adjoining it, for a problem whose children have
 *       several responsible authorities.
 * </ul>
 * Exactly one of the two components is set. The shape and every code are checked by the problem's validator
 * before a problem is bound, so reading here only copies.
 */
@Schema(
        description = "Either an array of the authority codes adjoining homeAuthority, or an object mapping an"
                + " authority code to the array of codes adjoining it (contract section 8)",
        oneOf = {String[].class, AdjoiningAuthorities.ByAuthority.class})
public record AdjoiningAuthorities(
        @Schema(hidden = true) List<String> ofHomeAuthority,
        @Schema(hidden = true) Map<String, List<String>> byAuthority) {

    /** The object form's shape, for the OpenAPI document only: authority codes to arrays of codes. */
    @Schema(type = SchemaType.OBJECT, additionalProperties = String[].class)
    interface ByAuthority {}

    public AdjoiningAuthorities {
        if ((ofHomeAuthority == null) == (byAuthority == null)) {
            throw new IllegalArgumentException("exactly one form of adjoiningAuthorities");
        }
        ofHomeAuthority = ofHomeAuthority == null ? null : List.copyOf(ofHomeAuthority);
        byAuthority = byAuthority == null ? null : copy(byAuthority);
    }

    /** The list form: the codes adjoining the home authority. */
    public static AdjoiningAuthorities ofHome(List<String> codes) {
        return new AdjoiningAuthorities(codes, null);
    }

    /** The object form: each authority code to the codes adjoining it. */
    public static AdjoiningAuthorities byCode(Map<String, List<String>> codes) {
        return new AdjoiningAuthorities(null, codes);
    }

    /**
     * The codes adjoining {@code authority}: in the list form, the list for the home authority and none for any
     * other; in the object form, its entry, none when it has no entry. Taken as written: an entry is not mirrored
     * into the entries of the codes it lists.
     */
    public Set<String> adjoining(String authority, String homeAuthority) {
        List<String> codes = byAuthority != null
                ? byAuthority.getOrDefault(authority, List.of())
                : authority.equals(homeAuthority) ? ofHomeAuthority : List.of();
        return Set.copyOf(codes);
    }

    @JsonValue
    Object json() {
        return byAuthority != null ? byAuthority : ofHomeAuthority;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AdjoiningAuthorities fromJson(JsonNode node) {
        if (node.isArray()) {
            return ofHome(texts(node));
        }
        if (node.isObject()) {
            Map<String, List<String>> codes = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> codes.put(entry.getKey(), texts(entry.getValue())));
            return byCode(codes);
        }
        throw new IllegalArgumentException("adjoiningAuthorities must be an array or an object");
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("adjoining authorities must be an array of codes");
        }
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(code -> texts.add(code.textValue()));
        return texts;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> codes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        codes.forEach((authority, adjoining) -> copy.put(authority, List.copyOf(adjoining)));
        return Collections.unmodifiableMap(copy);
    }
}
