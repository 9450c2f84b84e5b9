package org.placementmatcher.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A child in scope, with what the rules need precomputed: age in whole years on the reference date,
 * and the point distances are measured from (school, else home). A problem fact.
 */
public final class Child {

    private final String id;
    private final int age;
    private final String gender;
    private final String siblingGroup;
    private final boolean placeTogether;
    private final double fromLat;
    private final double fromLon;
    /** {@link #fromLat} in radians and its cosine, for {@link #milesTo}: worked out once, not once per provider. */
    private final double fromPhi;

    private final double fromCosPhi;
    private final Set<String> needs;
    private final Urgency urgency;
    private final LocalDate neededBy;
    private final Provider currentPlacement;
    private final boolean pinned;
    private final boolean needsMove;
    private final boolean riskToYoungerChildren;
    private final boolean requiresSolePlacement;
    private final List<Circle> excludedAreas;
    private final Set<String> languages;
    private final String religion;
    /** The authority responsible for the child (contract section 8): never null once mapped. */
    private final String responsibleAuthority;
    /** The authorities adjoining {@link #responsibleAuthority} (empty when the input names none). */
    private final Set<String> adjoiningAuthorities;
    /** A label only (the KPIs the DfE way, docs/contract.md Extensions): no rule reads it. */
    private String distancePostcode;

    /**
     * @param fromLat latitude of the school, or of the home when there is no school
     * @param neededBy already defaulted to the reference date when the input omits it
     * @param languages empty when the child lists none
     * @param responsibleAuthority the child's {@code responsibleAuthority}, already defaulted to the problem's
     *        {@code homeAuthority}
     * @param adjoiningAuthorities the authorities adjoining the responsible one, as the problem's
     *        {@code adjoiningAuthorities} give them (see {@link PlacementArea})
     */
    public Child(
            String id,
            int age,
            String gender,
            String siblingGroup,
            boolean placeTogether,
            double fromLat,
            double fromLon,
            Set<String> needs,
            Urgency urgency,
            LocalDate neededBy,
            Provider currentPlacement,
            boolean pinned,
            boolean needsMove,
            boolean riskToYoungerChildren,
            boolean requiresSolePlacement,
            List<Circle> excludedAreas,
            Set<String> languages,
            String religion,
            String responsibleAuthority,
            Set<String> adjoiningAuthorities) {
        this.id = id;
        this.age = age;
        this.gender = gender;
        this.siblingGroup = siblingGroup;
        this.placeTogether = placeTogether;
        this.fromLat = fromLat;
        this.fromLon = fromLon;
        this.fromPhi = Math.toRadians(fromLat);
        this.fromCosPhi = Math.cos(fromPhi);
        this.needs = needs;
        this.urgency = urgency;
        this.neededBy = neededBy;
        this.currentPlacement = currentPlacement;
        this.pinned = pinned;
        this.needsMove = needsMove;
        this.riskToYoungerChildren = riskToYoungerChildren;
        this.requiresSolePlacement = requiresSolePlacement;
        this.excludedAreas = excludedAreas;
        this.languages = languages;
        this.religion = religion;
        this.responsibleAuthority = Objects.requireNonNull(responsibleAuthority, "responsibleAuthority");
        this.adjoiningAuthorities = Objects.requireNonNull(adjoiningAuthorities, "adjoiningAuthorities");
    }

    public String getId() {
        return id;
    }

    public int getAge() {
        return age;
    }

    public String getGender() {
        return gender;
    }

    public String getSiblingGroup() {
        return siblingGroup;
    }

    public boolean isPlaceTogether() {
        return placeTogether;
    }

    public double getFromLat() {
        return fromLat;
    }

    public double getFromLon() {
        return fromLon;
    }

    public Set<String> getNeeds() {
        return needs;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public LocalDate getNeededBy() {
        return neededBy;
    }

    public Provider getCurrentPlacement() {
        return currentPlacement;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isNeedsMove() {
        return needsMove;
    }

    public boolean isRiskToYoungerChildren() {
        return riskToYoungerChildren;
    }

    public boolean isRequiresSolePlacement() {
        return requiresSolePlacement;
    }

    public List<Circle> getExcludedAreas() {
        return excludedAreas;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public String getReligion() {
        return religion;
    }

    public String getResponsibleAuthority() {
        return responsibleAuthority;
    }

    public Set<String> getAdjoiningAuthorities() {
        return adjoiningAuthorities;
    }

    /** This child as a same-day emergency: EMERGENCY urgency, needed on the given day (today). */
    public Child asEmergency(LocalDate today) {
        return new Child(
                id,
                age,
                gender,
                siblingGroup,
                placeTogether,
                fromLat,
                fromLon,
                needs,
                Urgency.EMERGENCY,
                today,
                currentPlacement,
                pinned,
                needsMove,
                riskToYoungerChildren,
                requiresSolePlacement,
                excludedAreas,
                languages,
                religion,
                responsibleAuthority,
                adjoiningAuthorities);
    }

    /** Whether the two children are siblings by the input's {@code siblingGroup}. */
    public boolean isSiblingOf(Child other) {
        return siblingGroup != null && siblingGroup.equals(other.siblingGroup);
    }

    /** The postcode of the school (or home) the distances are measured from, when given; else null. */
    public String getDistancePostcode() {
        return distancePostcode;
    }

    public void setDistancePostcode(String postcode) {
        this.distancePostcode = postcode;
    }

    /** Miles from this child's school (or home) to the provider, great-circle. */
    public double milesTo(Provider provider) {
        return Geo.miles(fromPhi, fromCosPhi, fromLon, provider.phi(), provider.cosPhi(), provider.getLon());
    }

    @Override
    public String toString() {
        return id;
    }
}
