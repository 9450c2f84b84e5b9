package org.placementmatcher.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.SoftTerm;
import org.placementmatcher.domain.SoftTerms;
import org.placementmatcher.matching.Caseload.Site;

/** The per-provider index match queries walk instead of looking providers up. */
class CaseloadTest {

    private final PlacementProblem problem = SampleDataGenerator.generate(SampleSize.SMALL, 11);
    private final Caseload caseload = Caseload.of(problem);

    @Test
    void everyProviderHasOneSiteHoldingTheChildrenPlacedThereToday() {
        Map<Provider, List<Child>> placed = caseload.today().getUnits().stream()
                .filter(u -> u.getProvider() != null)
                .collect(Collectors.groupingBy(
                        PlacementUnit::getProvider,
                        Collectors.flatMapping(u -> u.getMembers().stream(), Collectors.toList())));

        assertThat(caseload.sites()).hasSameSizeAs(caseload.providers());
        for (int i = 0; i < caseload.providers().size(); i++) {
            Provider provider = caseload.providers().get(i);
            Site site = caseload.sites().get(i);
            List<Child> there = placed.getOrDefault(provider, List.of());
            assertThat(site.provider()).isSameAs(provider);
            assertThat(caseload.siteOf(provider)).isSameAs(site);
            assertThat(site.children()).containsExactlyInAnyOrderElementsOf(there);
            assertThat(caseload.childrenAt(provider)).isSameAs(site.children());
            assertThat(site.oneSiblingGroup())
                    .isEqualTo(!there.isEmpty()
                            && there.getFirst().getSiblingGroup() != null
                            && there.stream().allMatch(c -> c.isSiblingOf(there.getFirst())));
            assertThat(site.anyRiskToYounger()).isEqualTo(there.stream().anyMatch(Child::isRiskToYoungerChildren));
            assertThat(site.anyRequiresSole()).isEqualTo(there.stream().anyMatch(Child::isRequiresSolePlacement));
            for (Child child : caseload.today().getChildren().subList(0, 5)) {
                assertThat(site.costPoints())
                        .isEqualTo(SoftTerms.points(
                                SoftTerm.COST, child, provider, caseload.today().getWeights()));
            }
        }
        assertThat(placed.keySet()).allMatch(p -> !caseload.siteOf(p).children().isEmpty());
        assertThat(caseload.siteOf(null)).isNull();
    }

    @Test
    void siblingGroupTestNeedsOneNamedGroupShared() {
        List<Child> children = caseload.today().getChildren();
        Child withGroup = children.stream()
                .filter(c -> c.getSiblingGroup() != null)
                .findFirst()
                .orElseThrow();
        Child sibling = children.stream()
                .filter(c -> c != withGroup && c.isSiblingOf(withGroup))
                .findFirst()
                .orElseThrow();
        Child alone = children.stream()
                .filter(c -> c.getSiblingGroup() == null)
                .findFirst()
                .orElseThrow();

        assertThat(Caseload.oneSiblingGroup(List.of(withGroup, sibling))).isTrue();
        assertThat(Caseload.oneSiblingGroup(List.of(withGroup))).isTrue();
        assertThat(Caseload.oneSiblingGroup(List.of(withGroup, alone))).isFalse();
        assertThat(Caseload.oneSiblingGroup(List.of(alone))).isFalse();
        assertThat(Caseload.oneSiblingGroup(List.of())).isFalse();
    }
}
