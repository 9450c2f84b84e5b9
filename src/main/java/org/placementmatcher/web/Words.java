package org.placementmatcher.web;

import java.text.NumberFormat;
import java.util.Locale;

/** How the pages write numbers for people: pounds with separators, miles and percentages with one decimal. */
public final class Words {

    private Words() {}

    /** "£1,234" (whole pounds); negative amounts as "-£1,234". */
    public static String pounds(double amount) {
        long whole = Math.round(amount);
        String digits = NumberFormat.getIntegerInstance(Locale.UK).format(Math.abs(whole));
        return (whole < 0 ? "-£" : "£") + digits;
    }

    /** "4.2 miles" ("1.0 mile" reads oddly, so one decimal always, and "mile" only for exactly 1.0). */
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

    /** "3 children" / "1 child"; "1 provider" / "2 providers". */
    public static String plural(long count, String one, String many) {
        return count(count) + " " + (count == 1 ? one : many);
    }
}
