package org.placementmatcher.web;

import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

/**
 * How the pages write values for people: pounds with thousands separators, miles and percentages to one decimal,
 * kinds of placement and urgencies in words.
 */
public final class Words {

    private Words() {}

    /** "£1,234", or "£1,234.50" when there are pence; "-£1,234" below zero; "" for no amount. */
    public static String pounds(Double amount) {
        if (amount == null) {
            return "";
        }
        double size = Math.abs(amount);
        String figure = size == Math.rint(size)
                ? String.format(Locale.UK, "£%,d", (long) size)
                : String.format(Locale.UK, "£%,.2f", size);
        return amount < 0 ? "-" + figure : figure;
    }

    /** "4.2 miles" (one decimal always; "1.0 mile" for exactly one). */
    public static String miles(double miles) {
        String figure = String.format(Locale.UK, "%.1f", miles);
        return figure + (figure.equals("1.0") ? " mile" : " miles");
    }

    /** "29.4%". */
    public static String percent(double percent) {
        return String.format(Locale.UK, "%.1f%%", percent);
    }

    /** "1,234". */
    public static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    /** "3 children" / "1 child". */
    public static String plural(long count, String one, String many) {
        return count(count) + " " + (count == 1 ? one : many);
    }

    static String list(List<String> items) {
        return items == null || items.isEmpty() ? "None" : String.join(", ", items);
    }

    static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "Yes" : "No";
    }

    /** The kind of placement starting a sentence or a cell: "In-house foster carer". */
    static String providerType(ProviderType type) {
        String words = type.inWords();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "Female" for FEMALE. */
    static String gender(String gender) {
        return gender == null || gender.isEmpty()
                ? ""
                : gender.substring(0, 1) + gender.substring(1).toLowerCase(Locale.ROOT);
    }

    /** A need or capability code in words: WHEELCHAIR_ACCESS becomes "wheelchair access". */
    static String code(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static List<String> codes(Collection<String> codes) {
        return codes.stream().sorted().map(Words::code).toList();
    }

    /** A language code ("pl") by its English name ("Polish"); an unknown code as written. */
    static String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** An urgency as the contract writes it ("URGENT") in words. */
    static String urgencyCode(String urgency) {
        return urgency(Urgency.valueOf(urgency));
    }

    static String urgency(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "Emergency (needs a bed today)";
            case URGENT -> "Urgent";
            case PLANNED -> "Planned";
        };
    }
}
