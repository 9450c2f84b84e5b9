package org.placementmatcher.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;

class RegisterCsvTest {

    private static final String HEADER = "id,dateOfBirth,gender,homeLat,homeLon,urgency,needs\n";

    private static List<ProblemError> errors(String csv) {
        try {
            RegisterCsv.children(csv);
        } catch (InvalidProblemException e) {
            return e.reported(); // the first 100, then "and N more"
        }
        throw new AssertionError("the CSV was read");
    }

    @Test
    void rowsKeepTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n"
                + "C1,2013-04-04,FEMALE,52.1,0.1,URGENT,\"MEDICAL;\nTHERAPEUTIC\"\r\n"
                + "\n"
                + "C2,2012-01-01,\"MA\"\"LE\",52.1,0.1,PLANNED, \n";
        RegisterCsv.Rows rows = RegisterCsv.children(csv);
        assertThat(rows.lines()).containsExactly(3, 6);
        assertThat(rows.records().get(0).get("needs").toString()).isEqualTo("[\"MEDICAL\",\"THERAPEUTIC\"]");
        assertThat(rows.records().get(0).get("home").toString()).isEqualTo("{\"lat\":52.1,\"lon\":0.1}");
        assertThat(rows.records().get(1).get("gender").asText()).isEqualTo("MA\"LE");
        assertThat(rows.records().get(1).has("needs")).isFalse();
    }

    @Test
    void providersCarryTheirOfstedColumns() {
        String csv =
                "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,ofstedUrn,registered,ofstedJudgement\n"
                        + "R1,RESIDENTIAL_HOME,E1,52.1,0.1,4,8,17,4200,SC123456,no,GOOD\n";
        var record = RegisterCsv.providers(csv).records().getFirst();
        assertThat(record.get("ofstedUrn").asText()).isEqualTo("SC123456");
        assertThat(record.get("registered").isBoolean()).isTrue();
        assertThat(record.get("registered").booleanValue()).isFalse();
        assertThat(record.get("ofstedJudgement").asText()).isEqualTo("GOOD");
    }

    @Test
    void unknownRepeatedAndMissingColumnsAreRefusedByLineAndColumn() {
        assertThat(errors("id,colour,id\nC1,red,C1\n"))
                .extracting(ProblemError::path)
                .containsExactly(
                        "line 1, column 2", "line 1, column 3", "line 1", "line 1", "line 1", "line 1", "line 1");
        assertThat(errors("id,colour,id\nC1,red,C1\n"))
                .extracting(ProblemError::message)
                .contains("column 'id' is named twice", "required column 'urgency' is missing")
                .anyMatch(m -> m.startsWith("unknown column 'colour'"));
    }

    @Test
    void aRowOfTheWrongWidthAndARepeatedIdAreNamedByLine() {
        String csv = HEADER + "C1,2013-04-04,FEMALE,52.1,0.1,URGENT,\n"
                + "C2,2013-04-04,FEMALE\n"
                + "\"C1\",2013-04-04,FEMALE,52.1,0.1,URGENT,\n";
        assertThat(errors(csv))
                .containsExactly(
                        new ProblemError("line 3", "has 3 cells; the header has 7"),
                        new ProblemError("line 4, column id", "id 'C1' is on line 2 too"));
    }

    @Test
    void anUnclosedQuoteIsNamedByTheLineItsRowStartsOn() {
        assertThat(errors(HEADER + "C1,2013-04-04,FEMALE,52.1,0.1,URGENT,\n" + "C2,2013-04-04,\"FEMALE,52.1\n0.1\n"))
                .containsExactly(new ProblemError("line 3", "a quoted cell is not closed"));
        assertThat(errors(HEADER + "\"C2,2013-04-04\n"))
                .containsExactly(new ProblemError("line 2", "a quoted cell is not closed"));
        assertThat(errors(HEADER + "C2,\"2013\"x,FEMALE,52.1,0.1,URGENT,\n"))
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("line 2"))
                .satisfies(e -> assertThat(e.message()).startsWith("cannot be read: "));
    }

    @Test
    void anEmptyFileAsksForTheHeader() {
        assertThat(errors("\n\n"))
                .singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("line 1"))
                .satisfies(e -> assertThat(e.message()).startsWith("the CSV is empty"));
    }

    @Test
    void aHundredErrorsAreListedAndTheRestCounted() {
        String csv = HEADER + "x\n".repeat(150);

        List<ProblemError> reported = errors(csv);
        assertThat(reported).hasSize(101);
        assertThat(reported.getFirst()).isEqualTo(new ProblemError("line 2", "has 1 cells; the header has 7"));
        assertThat(reported.getLast()).isEqualTo(new ProblemError("$", "and 50 more"));
    }

    @Test
    void onlyOneHundredThousandRowsAreReadAndTheFirstPastThemIsTheOneError() {
        String row = "C,2013-04-04,FEMALE,52.1,0.1,URGENT,\n";
        // Past the limit a row is not even parsed: broken rows after it are never reported.
        String csv = HEADER + row.repeat(org.placementmatcher.contract.InputLimits.MAX_CHILDREN) + row + "\"broken\n";

        assertThat(errors(csv))
                .containsExactly(new ProblemError(
                        "line 100002",
                        "is past the limit: at most 100,000 records (rows after the header) are accepted in one file"));
    }

    @Test
    void aColumnNameIsQuotedShortInTheError() {
        String name = "k".repeat(10_000);

        assertThat(errors("id," + name + "\nC1,x\n"))
                .extracting(ProblemError::message)
                .filteredOn(m -> m.startsWith("unknown column 'kkk"))
                .singleElement()
                .asString()
                .hasSizeLessThan(
                        200 + String.join(",", RegisterCsv.CHILD_COLUMNS).length());
    }

    @Test
    void aRepeatedIdIsQuotedShort() {
        String id = "i".repeat(10_000);
        String csv =
                HEADER + id + ",2013-04-04,FEMALE,52.1,0.1,URGENT,\n" + id + ",2013-04-04,FEMALE,52.1,0.1,URGENT,\n";

        assertThat(errors(csv))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("id 'iii").hasSizeLessThan(200));
    }
}
