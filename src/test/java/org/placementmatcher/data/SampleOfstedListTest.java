package org.placementmatcher.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.data.ofsted.OfstedList;
import org.placementmatcher.data.ofsted.OfstedListReader;
import org.placementmatcher.data.ofsted.OfstedSetting;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.domain.ProviderType;

class SampleOfstedListTest {

    private static final PlacementProblem COUNTY = SampleDataGenerator.generate(SampleSize.COUNTY, 20261122L);

    @Test
    void homesAndSupportedAccommodationCarryUniqueSyntheticUrnsAndNoOtherProviderDoes() {
        long homes = COUNTY.providers().stream()
                .filter(p -> p.type() == ProviderType.RESIDENTIAL_HOME || p.type() == ProviderType.SUPPORTED_LODGINGS)
                .count();
        assertThat(homes).isPositive();
        assertThat(COUNTY.providers())
                .allSatisfy(p -> assertThat(p.ofstedUrn() != null)
                        .isEqualTo(p.type() == ProviderType.RESIDENTIAL_HOME
                                || p.type() == ProviderType.SUPPORTED_LODGINGS));
        assertThat(COUNTY.providers().stream().map(ProviderInput::ofstedUrn).filter(u -> u != null))
                .hasSize((int) homes)
                .doesNotHaveDuplicates()
                .allMatch(urn -> urn.matches("SC\\d{6}"));
        assertThat(COUNTY.providers())
                .allSatisfy(p -> assertThat(p.registeredOrDefault()).isTrue());
    }

    @Test
    void theListReadsBackAsTheSamplesProvidersAndIsTheCommittedFile() throws Exception {
        String csv = SampleOfstedList.csv(COUNTY, PostcodeDirectory.shipped());

        OfstedList list = OfstedListReader.readCsv(csv);

        assertThat(list.problems()).isEmpty();
        assertThat(list.skipped()).isEmpty();
        Map<String, ProviderInput> byUrn = COUNTY.providers().stream()
                .filter(p -> p.ofstedUrn() != null)
                .collect(Collectors.toMap(ProviderInput::ofstedUrn, Function.identity()));
        assertThat(list.settings()).hasSize(byUrn.size());
        for (OfstedSetting setting : list.settings()) {
            ProviderInput provider = byUrn.get(setting.urn());
            assertThat(setting.type()).isEqualTo(provider.type());
            assertThat(setting.places()).isEqualTo(provider.places());
            assertThat(setting.judgement()).isEqualTo(provider.ofstedJudgement());
            assertThat(setting.registeredOn(COUNTY.referenceDate())).isTrue();
            assertThat(setting.postcode()).isNotNull();
        }
        assertThat(Files.readString(Path.of("sample-data/ofsted/county-providers.csv"), StandardCharsets.UTF_8))
                .as("regenerate with: generate --all --dir sample-data")
                .isEqualTo(csv);
    }
}
