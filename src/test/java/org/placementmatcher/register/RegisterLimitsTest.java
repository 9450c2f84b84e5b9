package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;

/**
 * Section 10 says a refused value leaves nothing kept: each way a change reaches the register, refused
 * for one value past a limit, leaves the register's version and content as they were. Named Register*
 * so that the CI runs it against PostgreSQL too.
 */
@QuarkusTest
class RegisterLimitsTest {

    private static final String AUTHORITY = "RL-LIMITS";
    private static final String BASE = "/api/register/" + AUTHORITY;

    @Test
    void everyRefusalPastALimitLeavesTheRegisterAsItWas() {
        String valid = RegisterFixtures.forAuthority(ProblemFixtures.VALID, AUTHORITY);
        RegisterResourceTest.put(AUTHORITY, valid);
        Stored before = Stored.now();
        assertThat(before.version()).isNotBlank();

        refused(
                before,
                "a provider's weeklyCost over 1,000,000",
                request -> request.contentType(ContentType.JSON)
                        .body(providerP1("1000001"))
                        .put(BASE + "/providers/P1"),
                "$.weeklyCost");
        refused(
                before,
                "a child's religion of 101 characters",
                request -> request.contentType(ContentType.JSON)
                        .body("{\"religion\": \"" + "r".repeat(101) + "\"}")
                        .patch(BASE + "/children/C2"),
                "$.religion");
        refused(
                before,
                "a CSV row with 1,001 places",
                request -> request.contentType("text/csv")
                        .body("id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost\n"
                                + "P3,RESIDENTIAL_HOME," + AUTHORITY + ",52.0,0.1,1001,0,17,4000\n")
                        .post(BASE + "/providers/csv"),
                "line 2, column places");
        refused(
                before,
                "a register named with a NUL character",
                request -> request.contentType(ContentType.JSON)
                        .body(valid.replaceFirst("\\{", "{\"name\": \"Caseload\\\\u0000\", "))
                        .put(BASE),
                "$.name");

        // The same provider at the limit is taken: the refusal above was for the value alone.
        given().contentType(ContentType.JSON)
                .body(providerP1("1000000"))
                .put(BASE + "/providers/P1")
                .then()
                .statusCode(200);
        assertThat(Stored.now().version()).isNotEqualTo(before.version());
    }

    /** The register as GET answers it: its version header and its body. */
    private record Stored(String version, String body) {
        static Stored now() {
            Response response =
                    given().get(BASE).then().statusCode(200).extract().response();
            return new Stored(response.header(RegisterResource.VERSION), response.asString());
        }
    }

    private static void refused(
            Stored before, String what, Function<RequestSpecification, Response> send, String path) {
        send.apply(as("officer"))
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.path", hasItem(path));
        assertThat(Stored.now()).as(what).isEqualTo(before);
    }

    /** P1 of ProblemFixtures.VALID, whole, with the weekly cost given. */
    private static String providerP1(String weeklyCost) {
        return "{\"id\": \"P1\", \"type\": \"IN_HOUSE_FOSTER\", \"localAuthority\": \"" + AUTHORITY + "\", "
                + "\"location\": {\"lat\": 52.0, \"lon\": 0.1}, \"places\": 2, \"ageMin\": 0, \"ageMax\": 17, "
                + "\"weeklyCost\": " + weeklyCost + "}";
    }
}
