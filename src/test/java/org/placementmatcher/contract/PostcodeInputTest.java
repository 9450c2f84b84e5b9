package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;

/** docs/contract.md section 9: {"postcode": ...} wherever a location is accepted, in the JSON of a problem. */
class PostcodeInputTest {

    private static final PostcodeDirectory SHIPPED = PostcodeDirectory.shipped();

    private static ObjectNode postcode(String postcode) {
        return ContractJson.mapper().createObjectNode().put("postcode", postcode);
    }

    @Test
    void everyKindOfLocationMayBeAPostcodeAndGainsItsCoordinates() {
        String json = ProblemFixtures.edit(root -> {
            ProblemFixtures.provider(root, 0).remove("localAuthority");
            ProblemFixtures.provider(root, 0).set("location", postcode("cb11aa"));
            ProblemFixtures.child(root, 0).set("home", postcode("PE1 1HF"));
            ProblemFixtures.child(root, 1).set("school", postcode("cb2 1tn"));
            ProblemFixtures.child(root, 1)
                    .putArray("excludedAreas")
                    .add(postcode("IP1 2DE").put("radiusMiles", 1.5));
        });

        PlacementProblem problem = ProblemReader.read(json);

        ResolvedPostcode cb11aa = SHIPPED.resolve("CB1 1AA").orElseThrow();
        ProviderInput p1 = problem.providers().get(0);
        assertThat(p1.location()).isEqualTo(new GeoPoint(cb11aa.lat(), cb11aa.lon(), "CB1 1AA"));
        // Cambridge (E07000008) is in Cambridgeshire.
        assertThat(p1.localAuthority()).isEqualTo("E10000003");
        ResolvedPostcode pe11hf = SHIPPED.resolve("PE1 1HF").orElseThrow();
        assertThat(problem.children().get(0).home()).isEqualTo(pe11hf.point().withPostcode("PE1 1HF"));
        assertThat(problem.children().get(1).school().postcode()).isEqualTo("CB2 1TN");
        assertThat(problem.children().get(1).school().lat()).isBetween(52.0, 52.4);
        ResolvedPostcode ip12de = SHIPPED.resolve("IP1 2DE").orElseThrow();
        assertThat(problem.children().get(1).excludedAreas())
                .containsExactly(new ExcludedArea(ip12de.lat(), ip12de.lon(), 1.5, "IP1 2DE"));
    }

    @Test
    void aGivenLocalAuthorityStandsBesideAPostcode() {
        String json =
                ProblemFixtures.edit(root -> ProblemFixtures.provider(root, 0).set("location", postcode("PE1 1HF")));

        assertThat(ProblemReader.read(json).providers().get(0).localAuthority()).isEqualTo("E1");
    }

    @Test
    void withCoordinatesTooThePostcodeIsALabelAndTheCoordinatesStand() {
        String json = ProblemFixtures.edit(root -> ProblemFixtures.child(root, 0)
                .set("home", postcode("CB1 1AA").put("lat", 52.5).put("lon", 0.5)));

        assertThat(ProblemReader.read(json).children().get(0).home()).isEqualTo(new GeoPoint(52.5, 0.5, "CB1 1AA"));
    }

    @Test
    void anUnknownPostcodeIsAnErrorAtItsPathListedWithEveryOtherProblem() {
        String json = ProblemFixtures.edit(root -> {
            ProblemFixtures.provider(root, 0).remove("localAuthority");
            ProblemFixtures.provider(root, 0).set("location", postcode("ZZ9 9ZZ"));
            ProblemFixtures.provider(root, 1).put("places", "two");
            ProblemFixtures.child(root, 0).set("home", postcode("hello"));
            ProblemFixtures.child(root, 1)
                    .set("school", ContractJson.mapper().createObjectNode().put("postcode", 12));
            ProblemFixtures.child(root, 1)
                    .putArray("excludedAreas")
                    .add(postcode("CB1 1ZZ").put("radiusMiles", 1));
        });

        InvalidProblemException e = catchThrowableOfType(InvalidProblemException.class, () -> ProblemReader.read(json));

        assertThat(e.errors())
                .extracting(ProblemError::path)
                .containsExactlyInAnyOrder(
                        "$.providers[0].location.postcode",
                        "$.children[0].home.postcode",
                        "$.children[1].school.postcode",
                        "$.children[1].excludedAreas[0].postcode",
                        "$.providers[1].places");
        assertThat(e.errors().getFirst().message())
                .isEqualTo("is not a known postcode: 'ZZ9 9ZZ' is not in the " + "postcode directory");
        assertThat(e.errors())
                .filteredOn(error -> error.path().equals("$.children[0].home.postcode"))
                .extracting(ProblemError::message)
                .containsExactly("is not a UK postcode: 'hello'");
    }
}
