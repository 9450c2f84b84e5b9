package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.RegisterFixtures;
import org.placementmatcher.security.TestAccounts;

/** An emergency referral typed in with the home's postcode, as officers know it, not its coordinates. */
@QuarkusTest
class ReferralPostcodeTest {

    private static final String AUTHORITY = "E0600F009";
    private static final String EMERGENCY = "/registers/" + AUTHORITY + "/emergency";
    private static boolean loaded;

    @BeforeEach
    void register() {
        if (!loaded) {
            loaded = true;
            TestAccounts.as(TestAccounts.DIRECTOR)
                    .contentType(ContentType.JSON)
                    .body(RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), AUTHORITY))
                    .put("/api/register/" + AUTHORITY)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aReferralsHomeMayBeAPostcode() {
        String page = PageForms.post(TestAccounts.OFFICER, EMERGENCY, EMERGENCY, referral("cb11aa"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("Tonight: new referral PC-1", "from home");
    }

    @Test
    void anUnknownPostcodeIsShownAtItsField() {
        String page = PageForms.post(TestAccounts.OFFICER, EMERGENCY, EMERGENCY, referral("ZZ9 9ZZ"))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(page)
                .contains("href=\"#home-postcode\"", "id=\"home-postcode-error\"", "Home postcode")
                .contains("value=\"ZZ9 9ZZ\"");
    }

    private static Map<String, String> referral(String postcode) {
        return Map.of(
                "reference", "PC-1",
                "dob-day", "3",
                "dob-month", "4",
                "dob-year", "2014",
                "gender", "FEMALE",
                "home-postcode", postcode);
    }
}
