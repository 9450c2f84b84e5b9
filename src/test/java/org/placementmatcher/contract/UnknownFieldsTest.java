package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The register refuses fields it does not know, naming each by its JSON path; /api/plans stays lenient. */
class UnknownFieldsTest {

    private static final String PROBLEM = """
            {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1", "colour": "red",
             "providers": [
               {"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0,
                "alt": 3}, "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500, "nmae": "Ash House",
                "name": "Ash House", "contact": "01234 567890"}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2016-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "excludedAreas": [{"lat": 52, "lon": 0, "radiusMiles": 1, "why": "x"}],
                "favouriteColour": "blue"}
             ]}
            """;

    @Test
    void theRegistersReadingNamesEveryUnknownFieldByItsPath() {
        assertThatThrownBy(() -> ProblemReader.readRegister(PROBLEM))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .containsExactlyInAnyOrder(
                                        new ProblemError("$.colour", "unknown field"),
                                        new ProblemError("$.providers[0].nmae", "unknown field"),
                                        new ProblemError("$.providers[0].location.alt", "unknown field"),
                                        new ProblemError("$.children[0].favouriteColour", "unknown field"),
                                        new ProblemError("$.children[0].excludedAreas[0].why", "unknown field")));
    }

    @Test
    void theKeysOfAdjoiningAuthoritiesAreAuthorityCodesNotFields() {
        String problem =
                PROBLEM.replace("\"colour\": \"red\",", "\"adjoiningAuthorities\": {\"E1\": [\"E2\"], \"E2\": []},");

        assertThatThrownBy(() -> ProblemReader.readRegister(problem))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .doesNotContain("$.colour")
                                .noneMatch(path -> path.startsWith("$.adjoiningAuthorities")));
    }

    @Test
    void thePlainProblemInputStaysLenientAndKeepsNameAndContact() {
        PlacementProblem problem = ProblemReader.read(PROBLEM);
        assertThat(problem.providers().getFirst().name()).isEqualTo("Ash House");
        assertThat(problem.providers().getFirst().contact()).isEqualTo("01234 567890");
    }

    @Test
    void nameAndContactKeepTheTextLimits() {
        assertThatThrownBy(() -> ProblemReader.readRegister(withNameAndContact("x".repeat(101), "line\\u0000two")))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .containsExactlyInAnyOrder("$.providers[0].name", "$.providers[0].contact"));
        PlacementProblem problem = ProblemReader.readRegister(withNameAndContact("n".repeat(100), "y".repeat(2000)));
        assertThat(problem.providers().getFirst().contact()).hasSize(2000);
        assertThatThrownBy(() -> ProblemReader.readRegister(withNameAndContact("Ash", "y".repeat(2001))))
                .isInstanceOf(InvalidProblemException.class);
    }

    private static String withNameAndContact(String name, String contact) {
        return """
                {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1",
                 "providers": [{"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1",
                   "location": {"lat": 52.0, "lon": 0.0}, "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500,
                   "name": "%s", "contact": "%s"}],
                 "children": []}
                """.formatted(name, contact);
    }
}
