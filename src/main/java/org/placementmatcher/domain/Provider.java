package org.placementmatcher.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A placement that can take children: a fostering household, a children's home or supported lodgings.
 * A problem fact: nothing here changes while solving. Equality is identity, so joins stay cheap.
 */
public final class Provider {

    private final String id;
    private final int index;
    private final ProviderType type;
    private final String localAuthority;
    private final boolean inHomeAuthority;
    private final double lat;
    private final double lon;
    /** {@link #lat} in radians and its cosine, for {@link Child#milesTo}: worked out once, not once per child. */
    private final double phi;

    private final double cosPhi;
    private final int places;
    private final int ageMin;
    private final int ageMax;
    private final Set<String> acceptsGenders;
    private final Set<String> capabilities;
    private final double weeklyCost;
    private final LocalDate availableFrom;
    private final boolean emergencyApproved;
    private final Set<String> connectedChildren;
    private final boolean fosteringLimitExemption;
    private final Set<String> languages;
    private final String religion;
    private final boolean registered;
    private final OfstedJudgement ofstedJudgement;
    private final OfstedJudgement minimumJudgement;
    /** A label only (the KPIs the DfE way, docs/contract.md Extensions): no rule reads it. */
    private String postcode;
    /**
     * The cost term's points for the last cost weight asked for ({@link SoftTerms#costPoints}): the same for every
     * child, and exact decimal arithmetic is too slow to repeat for each of millions of pairs. A record's fields
     * are final, so a thread racing another here sees a whole pair or none: no lock or volatile is needed.
     */
    private CostPoints costPoints;

    private record CostPoints(long weight, long points) {}

    /**
     * A provider with its Ofsted standing (docs/contract.md section 9, H15).
     *
     * @param index position in the problem's provider list, used for per-unit eligibility bit sets
     * @param acceptsGenders null when the provider accepts any gender
     * @param availableFrom already defaulted to the reference date when the input omits it
     * @param ofstedJudgement the latest inspection judgement, null when there is none
     * @param minimumJudgement the lowest judgement the commissioning council accepts for a new placement (the
     *        problem's {@code minimumOfstedJudgement}), null for no minimum; kept here so that H15 is judged on a
     *        child and a provider alone, like every other per-child rule
     */
    public Provider(
            String id,
            int index,
            ProviderType type,
            String localAuthority,
            boolean inHomeAuthority,
            double lat,
            double lon,
            int places,
            int ageMin,
            int ageMax,
            Set<String> acceptsGenders,
            Set<String> capabilities,
            double weeklyCost,
            LocalDate availableFrom,
            boolean emergencyApproved,
            Set<String> connectedChildren,
            boolean fosteringLimitExemption,
            Set<String> languages,
            String religion,
            boolean registered,
            OfstedJudgement ofstedJudgement,
            OfstedJudgement minimumJudgement) {
        this.id = id;
        this.index = index;
        this.type = type;
        this.localAuthority = localAuthority;
        this.inHomeAuthority = inHomeAuthority;
        this.lat = lat;
        this.lon = lon;
        this.phi = Math.toRadians(lat);
        this.cosPhi = Math.cos(phi);
        this.places = places;
        this.ageMin = ageMin;
        this.ageMax = ageMax;
        this.acceptsGenders = acceptsGenders;
        this.capabilities = capabilities;
        this.weeklyCost = weeklyCost;
        this.availableFrom = availableFrom;
        this.emergencyApproved = emergencyApproved;
        this.connectedChildren = connectedChildren;
        this.fosteringLimitExemption = fosteringLimitExemption;
        this.languages = languages;
        this.religion = religion;
        this.registered = registered;
        this.ofstedJudgement = ofstedJudgement;
        this.minimumJudgement = minimumJudgement;
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    public ProviderType getType() {
        return type;
    }

    public String getLocalAuthority() {
        return localAuthority;
    }

    /**
     * In the problem's {@code homeAuthority}: what the sufficiency report's segments group providers by. Whether a
     * child placed here is out of area depends on the child's responsible authority: {@link PlacementArea}.
     */
    public boolean isInHomeAuthority() {
        return inHomeAuthority;
    }

    public double getLat() {
        return lat;
    }

    public double getLon() {
        return lon;
    }

    double phi() {
        return phi;
    }

    double cosPhi() {
        return cosPhi;
    }

    /** The cost term's points here at the given weight: {@link SoftTerms#costPoints}, kept for the last weight. */
    long costPoints(long weight) {
        CostPoints cached = costPoints;
        if (cached == null || cached.weight() != weight) {
            cached = new CostPoints(weight, SoftTerms.costPoints(weight, weeklyCost));
            costPoints = cached;
        }
        return cached.points();
    }

    public int getPlaces() {
        return places;
    }

    public int getAgeMin() {
        return ageMin;
    }

    public int getAgeMax() {
        return ageMax;
    }

    public Set<String> getAcceptsGenders() {
        return acceptsGenders;
    }

    public Set<String> getCapabilities() {
        return capabilities;
    }

    public double getWeeklyCost() {
        return weeklyCost;
    }

    public LocalDate getAvailableFrom() {
        return availableFrom;
    }

    public boolean isEmergencyApproved() {
        return emergencyApproved;
    }

    public Set<String> getConnectedChildren() {
        return connectedChildren;
    }

    public boolean isFosteringLimitExemption() {
        return fosteringLimitExemption;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    /** The postcode of the provider's location, when given; else null. */
    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getReligion() {
        return religion;
    }

    public boolean isRegistered() {
        return registered;
    }

    public OfstedJudgement getOfstedJudgement() {
        return ofstedJudgement;
    }

    public OfstedJudgement getMinimumJudgement() {
        return minimumJudgement;
    }

    @Override
    public String toString() {
        return id;
    }
}
