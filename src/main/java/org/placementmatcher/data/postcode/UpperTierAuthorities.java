package org.placementmatcher.data.postcode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Which upper-tier authority (the council with children's services) a local authority district belongs to:
 * an English non-metropolitan district (E07) to its county (E10), from the table
 * {@code postcodes/district-upper-tier.csv} (source and licence in its header); every other district
 * (unitary E06, metropolitan E08, London E09, Wales, Scotland, Northern Ireland) is its own upper tier.
 */
public final class UpperTierAuthorities {

    static final String TABLE = "/postcodes/district-upper-tier.csv";

    private static final Map<String, String> COUNTY_OF_DISTRICT = load();

    private UpperTierAuthorities() {}

    /** The upper-tier authority of a district code; the code itself unless it is a listed two-tier district. */
    public static String of(String districtCode) {
        return COUNTY_OF_DISTRICT.getOrDefault(districtCode, districtCode);
    }

    /** Whether the table lists this district (every English two-tier district must be). */
    static boolean lists(String districtCode) {
        return COUNTY_OF_DISTRICT.containsKey(districtCode);
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = UpperTierAuthorities.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + TABLE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                map.put(cells[0], cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
