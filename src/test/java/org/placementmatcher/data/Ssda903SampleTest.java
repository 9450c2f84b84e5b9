package org.placementmatcher.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.ssda903.Ssda903Csv;
import org.placementmatcher.data.ssda903.Ssda903Import;
import org.placementmatcher.data.ssda903.Ssda903Problems;
import org.placementmatcher.data.ssda903.Ssda903Xml;

class Ssda903SampleTest {

    static final Path FOLDER = Path.of("sample-data", "ssda903");
    static final PostcodeDirectory POSTCODES = PostcodeDirectory.shipped();
    static final PlacementProblem COUNTY =
            SampleDataGenerator.generate(SampleSize.COUNTY, SampleDataGenerator.DEFAULT_SEED);

    static String committed(String name) throws IOException {
        return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedFileSetIsTheGeneratorsForTheFixedSeed() throws IOException {
        Map<String, String> files = Ssda903Sample.files(COUNTY, POSTCODES, SampleDataGenerator.DEFAULT_SEED);
        assertThat(files)
                .containsOnlyKeys(Ssda903Sample.HEADER, Ssda903Sample.EPISODES, Ssda903Sample.UASC, Ssda903Sample.XML);
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(committed(file.getKey()))
                    .as("sample-data/ssda903/%s (regenerate with: generate --all --dir sample-data)", file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(Ssda903Sample.files(COUNTY, POSTCODES, 7L)).isNotEqualTo(files);
    }

    @Test
    void theCsvAndXmlFormsImportIntoAnEmptyRegisterWithEveryPlacedChildAtAProviderOfItsType() throws IOException {
        Ssda903Problems csvProblems = new Ssda903Problems();
        Ssda903Import.Outcome csv = Ssda903Import.run(
                Ssda903Csv.read(
                        committed(Ssda903Sample.HEADER),
                        committed(Ssda903Sample.EPISODES),
                        committed(Ssda903Sample.UASC),
                        csvProblems),
                COUNTY.referenceDate(),
                COUNTY.homeAuthority(),
                null,
                POSTCODES,
                csvProblems);
        assertThat(csv.result().problems()).isEmpty();
        Ssda903Problems xmlProblems = new Ssda903Problems();
        Ssda903Import.Outcome xml = Ssda903Import.run(
                Ssda903Xml.read(committed(Ssda903Sample.XML), xmlProblems),
                COUNTY.referenceDate(),
                COUNTY.homeAuthority(),
                null,
                POSTCODES,
                xmlProblems);
        assertThat(xml.result()).isEqualTo(csv.result());
        assertThat(xml.register()).isEqualTo(csv.register());

        Map<String, String> typeOf = new HashMap<>();
        for (JsonNode provider : csv.register().path("providers")) {
            typeOf.put(provider.path("id").asText(), provider.path("type").asText());
        }
        Map<String, JsonNode> imported = new HashMap<>();
        csv.register().path("children").forEach(c -> imported.put(c.path("id").asText(), c));
        Map<String, ProviderInput> providers = new HashMap<>();
        COUNTY.providers().forEach(p -> providers.put(p.id(), p));
        int placed = 0;
        for (ChildInput child : COUNTY.children()) {
            if (child.currentPlacement() == null) {
                assertThat(imported).doesNotContainKey(child.id());
                continue;
            }
            placed++;
            JsonNode record = imported.get(child.id());
            assertThat(record).as(child.id()).isNotNull();
            assertThat(typeOf.get(record.path("currentPlacement").asText()))
                    .as(child.id())
                    .isEqualTo(providers.get(child.currentPlacement()).type().name());
            assertThat(record.path("dateOfBirth").asText())
                    .isEqualTo(child.dateOfBirth().toString());
            assertThat(record.path("gender").asText()).isEqualTo(child.gender());
        }
        assertThat(imported).hasSize(placed);
        assertThat(csv.result().children().added()).hasSize(placed);
        assertThat(csv.result().skipped())
                .extracting(org.placementmatcher.contract.ImportReport.Skipped::child)
                .allMatch(id -> id.startsWith("C-9"))
                .hasSize(12);
    }
}
