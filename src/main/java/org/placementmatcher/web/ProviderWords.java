package org.placementmatcher.web;

import java.text.NumberFormat;
import java.util.Locale;
import org.placementmatcher.domain.ProviderType;

/** Providers, pounds and miles as the pages write them: words, thousands separators, miles with one decimal. */
public final class ProviderWords {

    private ProviderWords() {}

    public static String type(ProviderType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case IN_HOUSE_FOSTER -> "in-house foster carer";
            case IFA_FOSTER -> "agency foster carer";
            case CONNECTED_PERSON -> "connected person carer";
            case RESIDENTIAL_HOME -> "children's home";
            case SUPPORTED_LODGINGS -> "supported lodgings";
        };
    }

    public static String miles(double miles) {
        return String.format(Locale.UK, "%.1f miles", miles);
    }

    /** Whole pounds with thousands separators, e.g. "£12,345". */
    public static String pounds(double pounds) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(pounds);
    }

    /** A change in pounds with its sign in words: "£1,200 less", "£300 more", "no change". */
    public static String poundsChange(double change) {
        if (Math.round(change) == 0) {
            return "no change";
        }
        return pounds(Math.abs(change)) + (change < 0 ? " less" : " more");
    }
}
