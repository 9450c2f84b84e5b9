package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;

/**
 * A provider exactly as docs/contract.md section 1.1 writes it; optional fields may be null. The last three are
 * section 9's Ofsted fields: {@code registered} null means registered (true).
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
        String ofstedUrn,
        Boolean registered,
        OfstedJudgement ofstedJudgement) {

    /** The same provider with the Ofsted fields given. */
    public ProviderInput withOfsted(String urn, Boolean isRegistered, OfstedJudgement judgement) {
        return new ProviderInput(
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
                urn,
                isRegistered,
                judgement);
    }

    /** {@code registered} with its default applied. */
    public boolean registeredOrDefault() {
        return registered == null || registered;
    }
}
