package org.placementmatcher.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.placementmatcher.contract.TextRules;

/**
 * The rows of a CSV text with the line each starts on, for every CSV the service reads (the register's and the
 * SSDA903 tables): RFC 4180 tokenising by Jackson's CSV parser (commas, double quotes with a doubled quote inside,
 * CRLF or LF), a leading byte-order mark dropped, blank lines skipped; a quoted cell may span lines.
 *
 * @param rows the cells of each row, the header row first
 * @param lines the line each row starts on
 */
public record CsvRows(List<List<String>> rows, List<Integer> lines) {

    /** Where a CSV cannot be read. */
    @FunctionalInterface
    public interface Fault {
        void at(int line, String message);
    }

    private static final CsvFactory CSV = new CsvFactory();

    /**
     * Reads the text; reading stops at the first row past {@code maxRecords} (the header aside), so the rest of a
     * huge file is never kept. A fault (unclosed quote, too many rows) is reported with its line and ends reading.
     */
    public static CsvRows parse(String text, int maxRecords, Fault fault) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String csv = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        int rowLine = 1;
        try (CsvParser parser = CSV.createParser(csv)) {
            parser.setSchema(CsvSchema.emptySchema());
            List<String> row = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_ARRAY -> row = new ArrayList<>();
                    case VALUE_STRING -> {
                        if (row.isEmpty()) {
                            rowLine = parser.currentTokenLocation().getLineNr();
                        }
                        row.add(parser.getText());
                    }
                    case END_ARRAY -> {
                        if (row.size() > 1 || row.size() == 1 && !row.getFirst().isBlank()) {
                            if (rows.size() > maxRecords) { // the header and maxRecords rows already read
                                fault.at(
                                        rowLine,
                                        "is past the limit: at most " + String.format(Locale.ROOT, "%,d", maxRecords)
                                                + " records (rows after the header) are accepted in one file");
                                return new CsvRows(rows, lines);
                            }
                            rows.add(row);
                            lines.add(rowLine);
                        }
                        rowLine = parser.currentLocation().getLineNr();
                    }
                    default -> throw new IllegalStateException("unexpected CSV token " + token);
                }
            }
        } catch (JsonProcessingException e) {
            String reason = String.valueOf(e.getOriginalMessage());
            fault.at(
                    rowLine,
                    reason.startsWith("Missing closing quote")
                            ? "a quoted cell is not closed"
                            : "cannot be read: " + TextRules.shortened(reason, 200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvRows(rows, lines);
    }
}
