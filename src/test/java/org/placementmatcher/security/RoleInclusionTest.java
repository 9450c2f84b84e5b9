package org.placementmatcher.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.placementmatcher.matching.MatchResult.Approval;

/** Role inclusion and the least role of a decision, without a running service. */
class RoleInclusionTest {

    @Test
    void eachDataRoleIncludesTheOnesBeforeItAndAdminNone() {
        assertThat(RoleInclusion.included(Set.of("DIRECTOR")))
                .containsExactlyInAnyOrder("VIEWER", "OFFICER", "MANAGER", "NOMINATED_OFFICER", "DIRECTOR");
        assertThat(RoleInclusion.included(Set.of("MANAGER"))).containsExactlyInAnyOrder("VIEWER", "OFFICER", "MANAGER");
        assertThat(RoleInclusion.included(Set.of("VIEWER"))).containsExactly("VIEWER");
        assertThat(RoleInclusion.included(Set.of("ADMIN"))).containsExactly("ADMIN");
        assertThat(RoleInclusion.included(Set.of("ADMIN", "OFFICER")))
                .containsExactlyInAnyOrder("ADMIN", "VIEWER", "OFFICER");
        // A token's other claim values are kept, and give nothing.
        assertThat(RoleInclusion.included(Set.of("offline_access"))).containsExactly("offline_access");
    }

    @Test
    void rejectingNeedsManagerAndAcceptingTheRoleTheHighestApprovalNames() {
        assertThat(ApprovalPolicy.needed(false, List.of(Approval.DIRECTOR))).isEqualTo(Role.MANAGER);
        assertThat(ApprovalPolicy.needed(true, List.of(Approval.NONE))).isEqualTo(Role.MANAGER);
        assertThat(ApprovalPolicy.needed(true, List.of(Approval.NONE, Approval.NOMINATED_OFFICER)))
                .isEqualTo(Role.NOMINATED_OFFICER);
        assertThat(ApprovalPolicy.needed(true, List.of(Approval.DIRECTOR, Approval.NOMINATED_OFFICER)))
                .isEqualTo(Role.DIRECTOR);
    }
}
