package org.placementmatcher.domain;

/** Kinds of placement, as named in the contract. */
public enum ProviderType {
    IN_HOUSE_FOSTER,
    IFA_FOSTER,
    CONNECTED_PERSON,
    RESIDENTIAL_HOME,
    SUPPORTED_LODGINGS;

    /** The kind of placement as staff say it, e.g. on the web app's pages. */
    public String inWords() {
        return switch (this) {
            case IN_HOUSE_FOSTER -> "in-house foster carer";
            case IFA_FOSTER -> "independent fostering agency carer";
            case CONNECTED_PERSON -> "family and friends (connected person) carer";
            case RESIDENTIAL_HOME -> "children's home";
            case SUPPORTED_LODGINGS -> "supported accommodation (16-17)";
        };
    }

    /** The kind in the plural, e.g. "children's homes". */
    public String pluralInWords() {
        return switch (this) {
            case IN_HOUSE_FOSTER -> "in-house foster carers";
            case IFA_FOSTER -> "independent fostering agency carers";
            case CONNECTED_PERSON -> "family and friends (connected person) carers";
            case RESIDENTIAL_HOME -> "children's homes";
            case SUPPORTED_LODGINGS -> "supported accommodation places (16-17)";
        };
    }

    /** Foster types fall under the usual fostering limit of 3 (H14). */
    public boolean isFoster() {
        return this == IN_HOUSE_FOSTER || this == IFA_FOSTER || this == CONNECTED_PERSON;
    }
}
