package org.placementmatcher.data.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ssda903XmlTest {

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <EXPSSDA903>
              <CHILD>
                <HEADER>
                  <CHILDID>F</CHILDID>
                  <SEX>M</SEX>
                  <DOB>11/12/2009</DOB>
                  <UASC>1</UASC>
                  <DUC>11/12/2027</DUC>
                  <AREVIEW><REVIEW>01/01/2026</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
                </HEADER>
                <EPISODE>
                  <DECOM>01/05/2026</DECOM>
                  <PL>K3</PL>
                  <PLACE_PROVIDER>PR4</PLACE_PROVIDER>
                  <DEC/>
                  <HOME_POST>CB1 0BJ</HOME_POST>
                  <PL_POST>CB1 0SA</PL_POST>
                  <URN>SC777777</URN>
                </EPISODE>
              </CHILD>
              <CHILD>
                <HEADER><CHILDID>B</CHILDID><SEX>F</SEX><DOB>03/04/2015</DOB><UASC/></HEADER>
                <EPISODE>
                  <DECOM>01/05/2026</DECOM><PL>U5</PL><PLACE_PROVIDER>PR4</PLACE_PROVIDER>
                  <HOME_POST>CB1 0BJ</HOME_POST>
                  <PL_POST>ZZ9 9ZZ</PL_POST><URN>SC900001</URN>
                </EPISODE>
              </CHILD>
            </EXPSSDA903>
            """;

    @Test
    void theXmlFormGivesTheTablesOfTheCsvFormWithEachProblemOnItsElementsLine() {
        Ssda903Problems problems = new Ssda903Problems();
        Ssda903Files files = Ssda903Xml.read(XML, problems);
        assertThat(problems.isEmpty()).isTrue();
        assertThat(files.header()).extracting(Ssda903Row::child).containsExactly("F", "B");
        assertThat(files.uasc()).extracting(Ssda903Row::child).containsExactly("F");
        assertThat(files.episodes()).extracting(e -> e.get("PLACE")).containsExactly("K3", "U5");
        assertThat(files.episodes().getFirst().get("CHILD")).isEqualTo("F");

        Ssda903Import.Outcome outcome =
                Ssda903Import.run(files, Ssda903ImportTest.D, "E10000003", null, Ssda903ImportTest.POSTCODES, problems);
        assertThat(outcome.result().problems())
                .containsExactly(new org.placementmatcher.contract.ImportReport.Problem(
                        "Episodes", 27, "PL_POST", "'ZZ9 9ZZ' is not a postcode in the postcode directory"));

        Ssda903Problems fixed = new Ssda903Problems();
        outcome = Ssda903Import.run(
                Ssda903Xml.read(XML.replace("ZZ9 9ZZ", "CB1 0DA"), fixed),
                Ssda903ImportTest.D,
                "E10000003",
                null,
                Ssda903ImportTest.POSTCODES,
                fixed);
        assertThat(outcome.result().problems()).isEmpty();
        assertThat(Ssda903ImportTest.typeOf(outcome.register(), "F")).isEqualTo("SUPPORTED_LODGINGS");
        assertThat(Ssda903ImportTest.record(outcome.register(), "children", "F")
                        .path("needs")
                        .toString())
                .isEqualTo("[\"UASC_SUPPORT\"]");
        assertThat(Ssda903ImportTest.typeOf(outcome.register(), "B")).isEqualTo("IFA_FOSTER");
    }

    @Test
    void xmlThatCannotBeReadIsOneProblemWithItsLineAndNoEntityIsResolved() {
        Ssda903Problems problems = new Ssda903Problems();
        Ssda903Xml.read("<EXPSSDA903>\n<CHILD>\n<HEADER><CHILDID>A</CHILD>", problems);
        assertThat(problems.reported()).singleElement().satisfies(p -> {
            assertThat(p.table()).isEqualTo("XML");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("the XML cannot be read");
        });
        Ssda903Problems entity = new Ssda903Problems();
        Ssda903Xml.read(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<EXPSSDA903><CHILD><HEADER>"
                        + "<CHILDID>&e;</CHILDID></HEADER></CHILD></EXPSSDA903>",
                entity);
        assertThat(entity.isEmpty()).isFalse();
    }
}
