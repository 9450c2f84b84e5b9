package org.placementmatcher.data.ssda903;

import java.util.List;

/** The SSDA903 tables the import reads, each with its columns in the DfE's order (the CSV headers). */
public enum Ssda903Table {
    HEADER(
            "Header",
            List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
            List.of("CHILD", "SEX", "DOB")),
    EPISODES(
            "Episodes",
            List.of(
                    "CHILD",
                    "DECOM",
                    "RNE",
                    "LS",
                    "CIN",
                    "PLACE",
                    "PLACE_PROVIDER",
                    "DEC",
                    "REC",
                    "REASON_PLACE_CHANGE",
                    "HOME_POST",
                    "PL_POST",
                    "URN"),
            List.of("CHILD", "DECOM", "PLACE", "PLACE_PROVIDER", "DEC", "HOME_POST", "PL_POST", "URN")),
    UASC("UASC", List.of("CHILD", "SEX", "DOB", "DUC"), List.of("CHILD", "DUC"));

    /** The table's name as the DfE writes it, used in every problem. */
    public final String title;

    public final List<String> columns;
    /** The columns a CSV table must have: those the import reads (the others are checked when present). */
    public final List<String> required;

    Ssda903Table(String title, List<String> columns, List<String> required) {
        this.title = title;
        this.columns = columns;
        this.required = required;
    }
}
