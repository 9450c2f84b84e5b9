package org.placementmatcher.domain;

/**
 * The hard rules of docs/contract.md section 2 (and H15 of section 9), by code. {@link #constraintName()} is the name the
 * solver's constraint carries ("H1 capacity"), so a score breakdown reads like the contract.
 */
public enum HardRule {
    H1("capacity", false),
    H2("ageRange", true),
    H3("siblingsTogether", false),
    H4("needsMet", true),
    H5("gender", true),
    H6("supportedLodgingsAge", true),
    H7("connectedPerson", true),
    H8("availability", true),
    H9("emergency", true),
    H10("riskToYounger", false),
    H11("solePlacement", false),
    H12("excludedArea", true),
    H13("mustMove", true),
    H14("fosteringLimit", false),
    H15("registration", true);

    private final String ruleName;
    private final boolean perChildAtProvider;

    HardRule(String ruleName, boolean perChildAtProvider) {
        this.ruleName = ruleName;
        this.perChildAtProvider = perChildAtProvider;
    }

    public String code() {
        return name();
    }

    public String ruleName() {
        return ruleName;
    }

    public String constraintName() {
        return name() + " " + ruleName;
    }

    /**
     * True for rules judged on one child and one provider alone (static: they never change while
     * solving, so each unit's eligible providers are worked out once before solving).
     * The others depend on who else is placed at the provider.
     */
    public boolean isPerChildAtProvider() {
        return perChildAtProvider;
    }
}
