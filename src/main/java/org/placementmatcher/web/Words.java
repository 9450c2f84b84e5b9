package org.placementmatcher.web;

import java.util.List;
import java.util.Locale;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.Urgency;

/** The register's values in the words staff read: pounds with thousands separators, miles to one decimal, names. */
final class Words {

    private Words() {}

    static String pounds(Double amount) {
        if (amount == null) {
            return "";
        }
        return amount == Math.rint(amount)
                ? String.format(Locale.UK, "£%,d", amount.longValue())
                : String.format(Locale.UK, "£%,.2f", amount);
    }

    static String miles(double miles) {
        return String.format(Locale.UK, "%.1f miles", miles);
    }

    static String list(List<String> items) {
        return items == null || items.isEmpty() ? "None" : String.join(", ", items);
    }

    static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "Yes" : "No";
    }

    static String providerType(ProviderType type) {
        return switch (type) {
            case IN_HOUSE_FOSTER -> "In-house foster carer";
            case IFA_FOSTER -> "Independent fostering agency carer";
            case CONNECTED_PERSON -> "Family and friends carer";
            case RESIDENTIAL_HOME -> "Children's home";
            case SUPPORTED_LODGINGS -> "Supported lodgings";
        };
    }

    static String urgency(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "Emergency (needs a bed today)";
            case URGENT -> "Urgent";
            case PLANNED -> "Planned";
        };
    }
}
