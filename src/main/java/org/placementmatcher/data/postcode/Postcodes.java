package org.placementmatcher.data.postcode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The written form of a UK postcode. People write "cb11aa", "CB1 1AA" or "cb1  1aa"; the directory
 * and the register keep one form: upper case, the outward code, one space, the inward code.
 */
public final class Postcodes {

    /** Outward code (area, district, optional sub-district letter) then inward code (sector digit, unit). */
    private static final Pattern COMPACT = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}");

    private Postcodes() {}

    /**
     * The canonical form ("CB1 1AA") of a postcode written in any case, with or without spaces; empty when the
     * text cannot be a postcode (wrong shape), whether or not such a postcode exists.
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!COMPACT.matcher(compact).matches()) {
            return Optional.empty();
        }
        int inward = compact.length() - 3;
        return Optional.of(compact.substring(0, inward) + " " + compact.substring(inward));
    }
}
