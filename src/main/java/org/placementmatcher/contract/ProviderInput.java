package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.placementmatcher.domain.ProviderType;

/** A provider exactly as docs/contract.md section 1.1 writes it; optional fields may be null. */
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
        String religion) {}
