package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.placementmatcher.domain.Urgency;

/** A child exactly as docs/contract.md section 1.2 writes it; optional fields may be null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildInput(
        String id,
        LocalDate dateOfBirth,
        String gender,
        String siblingGroup,
        Boolean placeTogether,
        GeoPoint home,
        GeoPoint school,
        List<String> needs,
        Urgency urgency,
        LocalDate neededBy,
        String currentPlacement,
        Boolean pinned,
        Boolean needsMove,
        Boolean riskToYoungerChildren,
        Boolean requiresSolePlacement,
        List<ExcludedArea> excludedAreas,
        List<String> languages,
        String religion,
        String responsibleAuthority) {

    /**
     * The authority responsible for this child (contract section 8): the out-of-area term, the KPIs and the approval
     * level are judged against it; without one, the problem's {@code homeAuthority}.
     */
    public String responsibleAuthorityOr(String homeAuthority) {
        return responsibleAuthority == null ? homeAuthority : responsibleAuthority;
    }

    public boolean placeTogetherOrDefault() {
        return placeTogether == null || placeTogether;
    }

    public boolean pinnedOrDefault() {
        return pinned != null && pinned;
    }
}
