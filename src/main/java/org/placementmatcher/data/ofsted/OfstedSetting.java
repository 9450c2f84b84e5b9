package org.placementmatcher.data.ofsted;

import java.time.LocalDate;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;

/**
 * One row of an Ofsted provider list the engine can use: a children's home or supported accommodation (a setting
 * children live in), or a fostering agency (whose households carry its URN).
 *
 * @param line the row's line in the file (1 = the first line, the header's or a title's)
 * @param type {@code RESIDENTIAL_HOME}, {@code SUPPORTED_LODGINGS}, or {@code IFA_FOSTER} for an agency
 * @param active the registration status says the setting is registered (not closed, resigned, cancelled or
 *        suspended)
 * @param registrationDate null when the list does not give it
 * @param closingDate the day it closed or was deregistered; null when it is open or the list does not say
 * @param places null when the list gives none (an agency, or no places column)
 * @param postcode canonical ("CB1 1AA"), null when the list gives none
 * @param judgement the latest full inspection's overall judgement, null when none (not yet inspected, not judged)
 */
public record OfstedSetting(
        int line,
        String urn,
        ProviderType type,
        boolean active,
        LocalDate registrationDate,
        LocalDate closingDate,
        Integer places,
        String postcode,
        OfstedJudgement judgement) {

    /**
     * Registered with Ofsted on the day: registered by then, and not closed by then. The dates say when; the
     * status says how things stand when the list was made, so it decides only when no closing date is given.
     */
    public boolean registeredOn(LocalDate day) {
        if (registrationDate != null && registrationDate.isAfter(day)) {
            return false;
        }
        return closingDate != null ? closingDate.isAfter(day) : active;
    }

    /** An agency's row: it updates the households that carry its URN and adds no provider of its own. */
    public boolean isAgency() {
        return type == ProviderType.IFA_FOSTER;
    }
}
