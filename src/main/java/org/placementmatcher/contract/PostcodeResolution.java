package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import org.placementmatcher.data.postcode.ServicePostcodes;

/**
 * docs/contract.md section 9: wherever a location is accepted ({@code home}, {@code school}, a provider's
 * {@code location}, an excluded area's centre), {@code {"postcode": "CB1 1AA"}} may stand instead of
 * {@code {lat, lon}}. Run on the JSON tree before the validator: a postcode alone gains the coordinates of its
 * directory entry (and its canonical form), and a provider located by postcode without a {@code localAuthority}
 * gains the upper-tier authority of the postcode's district. When coordinates are given too they stand and the
 * postcode is only a label. An unknown postcode is an error at its path.
 */
public final class PostcodeResolution {

    static final String POSTCODE = "postcode";

    private final PostcodeDirectory directory;
    private final ProblemErrors errors;

    private PostcodeResolution(PostcodeDirectory directory, ProblemErrors errors) {
        this.directory = directory;
        this.errors = errors;
    }

    /** Resolves the postcodes of a problem's tree in place, adding a problem for each that cannot be. */
    static void resolve(JsonNode root, RecordPaths paths, ProblemErrors errors) {
        if (root == null || !root.isObject()) {
            return;
        }
        PostcodeResolution resolution = new PostcodeResolution(ServicePostcodes.directory(), errors);
        JsonNode providers = root.get("providers");
        if (providers != null && providers.isArray()) {
            for (int i = 0; i < providers.size(); i++) {
                resolution.provider(providers.get(i), paths.provider(i));
            }
        }
        JsonNode children = root.get("children");
        if (children != null && children.isArray()) {
            for (int i = 0; i < children.size(); i++) {
                resolution.child(children.get(i), paths.child(i));
            }
        }
    }

    /** Whether this location stands by its postcode alone (so its coordinates are not asked for). */
    public static boolean byPostcode(JsonNode location) {
        return location != null
                && location.isObject()
                && location.has(POSTCODE)
                && !location.has("lat")
                && !location.has("lon");
    }

    private void provider(JsonNode provider, String path) {
        if (!(provider instanceof ObjectNode object)) {
            return;
        }
        Optional<ResolvedPostcode> resolved = location(object.get("location"), path + ".location");
        JsonNode authority = object.get("localAuthority");
        if (resolved.isPresent() && (authority == null || authority.isNull())) {
            object.put("localAuthority", resolved.get().upperTierAuthority());
        }
    }

    private void child(JsonNode child, String path) {
        if (!(child instanceof ObjectNode object)) {
            return;
        }
        location(object.get("home"), path + ".home");
        location(object.get("school"), path + ".school");
        JsonNode areas = object.get("excludedAreas");
        if (areas != null && areas.isArray()) {
            for (int i = 0; i < areas.size(); i++) {
                location(areas.get(i), path + ".excludedAreas[" + i + "]");
            }
        }
    }

    /** The postcode a location stands by, resolved into it; empty when it has none or keeps its coordinates. */
    private Optional<ResolvedPostcode> location(JsonNode node, String path) {
        if (!(node instanceof ObjectNode location) || !location.has(POSTCODE)) {
            return Optional.empty();
        }
        JsonNode postcode = location.get(POSTCODE);
        if (!postcode.isTextual()) {
            errors.add(path + "." + POSTCODE, "must be a UK postcode as text, e.g. \"CB1 1AA\"");
            return Optional.empty();
        }
        if (!byPostcode(location)) {
            return Optional.empty(); // coordinates given: they stand, the postcode is a label
        }
        Optional<ResolvedPostcode> resolved = directory.resolve(postcode.asText());
        if (resolved.isEmpty()) {
            errors.add(path + "." + POSTCODE, unknown(postcode.asText()));
            return Optional.empty();
        }
        location.put("lat", resolved.get().lat());
        location.put("lon", resolved.get().lon());
        location.put(POSTCODE, resolved.get().postcode());
        return resolved;
    }

    /** Why a postcode was refused: not the shape of one, or not in the directory. */
    static String unknown(String postcode) {
        String quoted = TextRules.quote(postcode);
        return org.placementmatcher.data.postcode.Postcodes.normalise(postcode).isPresent()
                ? "is not a known postcode: " + quoted + " is not in the postcode directory"
                : "is not a UK postcode: " + quoted;
    }
}
