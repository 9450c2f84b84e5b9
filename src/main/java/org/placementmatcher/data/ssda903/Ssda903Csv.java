package org.placementmatcher.data.ssda903;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.data.CsvRows;

/**
 * The SSDA903 tables as CSV, as councils' case-management systems export them for the DfE: a header row naming
 * the columns (any order, any case; columns the import does not know are read past), one row a record. A table
 * without one of its required columns, or that cannot be read, is a problem on line 1 (or the line it fails on).
 */
public final class Ssda903Csv {

    private Ssda903Csv() {}

    /** The three tables; a table not given (null) has no rows (the UASC table may be left out). */
    public static Ssda903Files read(String header, String episodes, String uasc, Ssda903Problems problems) {
        return new Ssda903Files(
                read(Ssda903Table.HEADER, header, problems),
                read(Ssda903Table.EPISODES, episodes, problems),
                read(Ssda903Table.UASC, uasc, problems));
    }

    static List<Ssda903Row> read(Ssda903Table table, String text, Ssda903Problems problems) {
        if (text == null) {
            return List.of();
        }
        int maxRows = table == Ssda903Table.EPISODES ? 10 * InputLimits.MAX_CHILDREN : InputLimits.MAX_CHILDREN;
        CsvRows csv = CsvRows.parse(text, maxRows, (line, message) -> problems.add(table, line, null, message));
        if (csv.rows().isEmpty()) {
            problems.add(table, 1, null, "the table is empty: a header row naming the columns is required");
            return List.of();
        }
        Map<String, Integer> positions = new HashMap<>();
        List<String> names = csv.rows().getFirst();
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i).trim().toUpperCase(Locale.ROOT), i);
        }
        boolean complete = true;
        for (String column : table.required) {
            if (!positions.containsKey(column)) {
                problems.add(table, csv.lines().getFirst(), column, "the required column " + column + " is missing");
                complete = false;
            }
        }
        if (!complete) {
            return List.of();
        }
        List<Ssda903Row> rows = new java.util.ArrayList<>();
        for (int r = 1; r < csv.rows().size(); r++) {
            List<String> cells = csv.rows().get(r);
            int line = csv.lines().get(r);
            if (cells.size() != names.size()) {
                problems.add(table, line, null, "has " + cells.size() + " cells; the header has " + names.size());
                continue;
            }
            Map<String, String> byColumn = new HashMap<>();
            for (String column : table.columns) {
                Integer position = positions.get(column);
                if (position != null) {
                    byColumn.put(column, cells.get(position));
                }
            }
            rows.add(new Ssda903Row(table, line, byColumn, Map.of()));
        }
        return rows;
    }
}
