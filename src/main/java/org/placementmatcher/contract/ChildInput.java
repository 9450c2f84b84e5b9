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
        String religion) {

    public boolean placeTogetherOrDefault() {
        return placeTogether == null || placeTogether;
    }

    public boolean pinnedOrDefault() {
        return pinned != null && pinned;
    }
}
