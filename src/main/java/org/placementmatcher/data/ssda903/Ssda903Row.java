package org.placementmatcher.data.ssda903;

import java.util.Map;

/**
 * One row of an SSDA903 table: its cells by column (an absent or empty cell is ""), the line it starts on, and
 * for XML the line of each cell's element (a CSV row's cells are all on its line).
 */
public record Ssda903Row(Ssda903Table table, int line, Map<String, String> cells, Map<String, Integer> cellLines) {

    public Ssda903Row {
        cells = Map.copyOf(cells);
        cellLines = Map.copyOf(cellLines);
    }

    /** The cell trimmed; "" when absent or empty. */
    public String get(String column) {
        return cells.getOrDefault(column, "").trim();
    }

    /** The line to name for a problem of the cell. */
    public int lineOf(String column) {
        return cellLines.getOrDefault(column, line);
    }

    public String child() {
        return get("CHILD");
    }
}
