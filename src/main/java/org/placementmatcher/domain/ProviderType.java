package org.placementmatcher.domain;

/** Kinds of placement, as named in the contract. */
public enum ProviderType {
    IN_HOUSE_FOSTER,
    IFA_FOSTER,
    CONNECTED_PERSON,
    RESIDENTIAL_HOME,
    SUPPORTED_LODGINGS;

    /** Foster types fall under the usual fostering limit of 3 (H14). */
    public boolean isFoster() {
        return this == IN_HOUSE_FOSTER || this == IFA_FOSTER || this == CONNECTED_PERSON;
    }
}
