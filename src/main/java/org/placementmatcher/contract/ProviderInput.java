package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.placementmatcher.domain.ProviderType;

/**
 * A provider exactly as docs/contract.md section 1.1 writes it; optional fields may be null.
 * {@code name} and {@code contact} are this project's extensions (docs/contract.md, Extensions): shown to staff,
 * never used in scoring, never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderInput(
        String id,
        ProviderType type,
        String localAuthority,
        GeoPoint location,
        Integer places,
        Integer ageMin,
        Integer ageMax,
        List<String> acceptsGenders,
        List<String> capabilities,
        Double weeklyCost,
        LocalDate availableFrom,
        Boolean emergencyApproved,
        List<String> connectedChildren,
        Boolean fosteringLimitExemption,
        List<String> languages,
        String religion,
        String name,
        String contact) {

    /** As the contract's section 1.1 alone writes it: no name or contact. */
    public ProviderInput(
            String id,
            ProviderType type,
            String localAuthority,
            GeoPoint location,
            Integer places,
            Integer ageMin,
            Integer ageMax,
            List<String> acceptsGenders,
            List<String> capabilities,
            Double weeklyCost,
            LocalDate availableFrom,
            Boolean emergencyApproved,
            List<String> connectedChildren,
            Boolean fosteringLimitExemption,
            List<String> languages,
            String religion) {
        this(
                id,
                type,
                localAuthority,
                location,
                places,
                ageMin,
                ageMax,
                acceptsGenders,
                capabilities,
                weeklyCost,
                availableFrom,
                emergencyApproved,
                connectedChildren,
                fosteringLimitExemption,
                languages,
                religion,
                null,
                null);
    }
}
