package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.List;
import org.placementmatcher.sufficiency.SufficiencyReport.Segment;
import org.placementmatcher.sufficiency.SufficiencyReport.UnmetNeed;

/** The report's segments and unmet need as CSV, with a header row, columns in the JSON's order. */
public final class SufficiencyCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private SufficiencyCsv() {}

    public static String segments(List<Segment> segments) {
        return write(segments, Segment.class);
    }

    public static String unmetNeed(List<UnmetNeed> rows) {
        return write(rows, UnmetNeed.class);
    }

    private static String write(List<?> rows, Class<?> type) {
        CsvSchema schema = MAPPER.schemaFor(type).withHeader();
        try {
            return MAPPER.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
