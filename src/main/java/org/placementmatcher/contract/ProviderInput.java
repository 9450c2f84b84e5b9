package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.ProviderType;

/**
 * A provider exactly as docs/contract.md section 1.1 writes it; optional fields may be null. {@code ofstedUrn},
 * {@code registered} and {@code ofstedJudgement} are section 9's Ofsted fields ({@code registered} null means
 * registered). {@code name} and {@code contact} are this project's extensions (docs/contract.md, Extensions): shown
 * to staff, never used in scoring, never logged.
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
        OfstedJudgement ofstedJudgement,
        String name,
        String contact) {

    /** As the contract writes it, without the staff-only name and contact. */
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
            String religion,
            String ofstedUrn,
            Boolean registered,
            OfstedJudgement ofstedJudgement) {
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
                ofstedUrn,
                registered,
                ofstedJudgement,
                null,
                null);
    }

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
                judgement,
                name,
                contact);
    }

    /** The same provider with these connected children. */
    public ProviderInput withConnectedChildren(List<String> children) {
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
                children,
                fosteringLimitExemption,
                languages,
                religion,
                ofstedUrn,
                registered,
                ofstedJudgement,
                name,
                contact);
    }

    /** {@code registered} with its default applied. */
    public boolean registeredOrDefault() {
        return registered == null || registered;
    }
}
