package org.placementmatcher.data.ofsted;

import java.util.List;
import org.placementmatcher.contract.ImportReport;

/**
 * An Ofsted provider list as read: the settings the engine can use, the rows it leaves out and why, and every
 * problem of the file by line and column.
 *
 * @param judgements whether the list has a judgement column (else judgements already in the register stand)
 * @param placesColumn the places column's name in the file, for problems found later ("Places" when it has none)
 * @param postcodeColumn likewise the postcode column's
 * @param typeColumn likewise the provider type column's
 */
public record OfstedList(
        List<OfstedSetting> settings,
        List<ImportReport.Skipped> skipped,
        List<ImportReport.Problem> problems,
        boolean judgements,
        String placesColumn,
        String postcodeColumn,
        String typeColumn) {

    /** A list that could not be read at all. */
    static OfstedList unreadable(List<ImportReport.Problem> problems) {
        return new OfstedList(List.of(), List.of(), problems, false, "Places", "Postcode", "Provider type");
    }
}
