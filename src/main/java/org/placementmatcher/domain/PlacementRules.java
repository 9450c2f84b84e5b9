package org.placementmatcher.domain;

import java.util.Collection;
import java.util.List;

/**
 * The one definition of every hard rule (docs/contract.md section 2). The constraint streams, the match
 * explanations and the exclusion reasons all call these methods, so there is one truth per rule.
 * Every method returns hard points: one per violation, as the contract counts them.
 */
public final class PlacementRules {

    public static final int USUAL_FOSTERING_LIMIT = 3;
    public static final int SUPPORTED_LODGINGS_MIN_AGE = 16;

    private PlacementRules() {}

    /** Why H15 closes a provider to new children. */
    public enum RegistrationBar {
        /** Not registered with Ofsted, or closed, on the reference date. */
        NOT_REGISTERED,
        /** Judged by Ofsted below the council's minimum for new placements. */
        BELOW_MINIMUM_JUDGEMENT
    }

    /**
     * H15: why the provider takes no new child, or null when it may. A provider without a judgement (not yet
     * inspected, or not inspected by Ofsted, as a council's own foster carers) is held to no minimum.
     */
    public static RegistrationBar registrationBar(Provider provider) {
        if (!provider.isRegistered()) {
            return RegistrationBar.NOT_REGISTERED;
        }
        OfstedJudgement judgement = provider.getOfstedJudgement();
        return judgement != null && judgement.isBelow(provider.getMinimumJudgement())
                ? RegistrationBar.BELOW_MINIMUM_JUDGEMENT
                : null;
    }

    /** Points of a rule judged on one child at one provider (H2, H4-H9, H12, H13, H15). */
    public static int childAtProviderPoints(HardRule rule, Child child, Provider provider) {
        return switch (rule) {
            case H2 -> child.getAge() < provider.getAgeMin() || child.getAge() > provider.getAgeMax() ? 1 : 0;
            case H4 -> missingNeeds(child, provider);
            case H5 ->
                provider.getAcceptsGenders() != null
                                && !provider.getAcceptsGenders().contains(child.getGender())
                        ? 1
                        : 0;
            case H6 ->
                provider.getType() == ProviderType.SUPPORTED_LODGINGS && child.getAge() < SUPPORTED_LODGINGS_MIN_AGE
                        ? 1
                        : 0;
            case H7 ->
                provider.getType() == ProviderType.CONNECTED_PERSON
                                && !provider.getConnectedChildren().contains(child.getId())
                        ? 1
                        : 0;
            case H8 ->
                provider != child.getCurrentPlacement()
                                && provider.getAvailableFrom().isAfter(child.getNeededBy())
                        ? 1
                        : 0;
            case H9 ->
                child.getUrgency() == Urgency.EMERGENCY
                                && !provider.isEmergencyApproved()
                                && provider != child.getCurrentPlacement()
                        ? 1
                        : 0;
            case H12 -> excludedAreasHit(child, provider);
            case H13 -> child.isNeedsMove() && provider == child.getCurrentPlacement() ? 1 : 0;
            case H15 -> provider != child.getCurrentPlacement() && registrationBar(provider) != null ? 1 : 0;
            case H1, H3, H10, H11, H14 ->
                throw new IllegalArgumentException(rule + " depends on the other children placed");
        };
    }

    /** Points of a per-child rule summed over a unit's members. */
    public static int childAtProviderPoints(HardRule rule, Collection<Child> children, Provider provider) {
        int points = 0;
        for (Child child : children) {
            points += childAtProviderPoints(rule, child, provider);
        }
        return points;
    }

    /** True when no per-child rule stops this child from being placed at this provider. */
    public static boolean isEligible(Child child, Provider provider) {
        return isEligibleWaiving(null, child, provider);
    }

    /** True when no per-child rule but the waived one (none when null) stops this child from being placed there. */
    public static boolean isEligibleWaiving(HardRule waived, Child child, Provider provider) {
        for (HardRule rule : PER_CHILD_RULES_CHEAPEST_FIRST) {
            if (rule != waived && childAtProviderPoints(rule, child, provider) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The per-child rules in the order eligibility checks them: the answer is the same in any order, and a solve
     * checks every child against every provider, so the rules that compare a number or two come first, those
     * that turn most providers away first among them (on the sample rcc: age range a quarter, connected person
     * a sixth), then those that look through sets, and the excluded areas (a great-circle distance each) last.
     */
    private static final HardRule[] PER_CHILD_RULES_CHEAPEST_FIRST = everyPerChildRule(
            HardRule.H2,
            HardRule.H7,
            HardRule.H6,
            HardRule.H8,
            HardRule.H9,
            HardRule.H13,
            HardRule.H15,
            HardRule.H4,
            HardRule.H5,
            HardRule.H12);

    /** The rules in this order, checked to be every per-child rule once: a rule added later cannot be skipped. */
    private static HardRule[] everyPerChildRule(HardRule... order) {
        java.util.EnumSet<HardRule> perChild = java.util.EnumSet.noneOf(HardRule.class);
        for (HardRule rule : HardRule.values()) {
            if (rule.isPerChildAtProvider()) {
                perChild.add(rule);
            }
        }
        if (order.length != perChild.size() || !perChild.equals(java.util.EnumSet.copyOf(List.of(order)))) {
            throw new IllegalStateException("the eligibility order must name every per-child rule once");
        }
        return order;
    }

    private static int missingNeeds(Child child, Provider provider) {
        int missing = 0;
        for (String need : child.getNeeds()) {
            if (!provider.getCapabilities().contains(need)) {
                missing++;
            }
        }
        return missing;
    }

    private static int excludedAreasHit(Child child, Provider provider) {
        int hits = 0;
        for (Circle area : child.getExcludedAreas()) {
            if (area.contains(provider.getLat(), provider.getLon())) {
                hits++;
            }
        }
        return hits;
    }

    /** H1: one point per child over the provider's places. */
    public static int capacityPoints(Provider provider, int childrenPlaced) {
        return Math.max(0, childrenPlaced - provider.getPlaces());
    }

    /**
     * H14: a foster-type provider without exemption holding more than {@link #USUAL_FOSTERING_LIMIT}
     * children, unless all of them are one sibling group; one point per child over the limit.
     *
     * @param allOneSiblingGroup whether every child placed there has the same (non-null) siblingGroup
     */
    public static int fosteringLimitPoints(Provider provider, int childrenPlaced, boolean allOneSiblingGroup) {
        if (!fosteringLimitApplies(provider) || allOneSiblingGroup) {
            return 0;
        }
        return Math.max(0, childrenPlaced - USUAL_FOSTERING_LIMIT);
    }

    /** H14's exception: every one of these children belongs to one (named) sibling group. */
    public static boolean allOneSiblingGroup(List<Child> children) {
        return children.stream().allMatch(children.getFirst()::isSiblingOf);
    }

    /** H14 applies to the provider at all: a foster type without exemption. */
    public static boolean fosteringLimitApplies(Provider provider) {
        return provider.getType().isFoster() && !provider.isFosteringLimitExemption();
    }

    /**
     * H3 for one placeTogether sibling group: distinct providers used minus one, plus one if only
     * part of the group is placed.
     *
     * @param providers the provider of each member, null for an unplaced member
     */
    public static int siblingsTogetherPoints(List<Provider> providers) {
        long distinct = providers.stream().filter(p -> p != null).distinct().count();
        boolean somePlaced = distinct > 0;
        boolean someUnplaced = providers.contains(null);
        return (int) Math.max(0, distinct - 1) + (somePlaced && someUnplaced ? 1 : 0);
    }

    /** H3 for the units of one placeTogether sibling group (normally one unit; several only when pinned apart). */
    public static int siblingsTogetherPoints(Collection<PlacementUnit> unitsOfGroup) {
        List<Provider> providers = new java.util.ArrayList<>();
        for (PlacementUnit unit : unitsOfGroup) {
            for (int i = 0; i < unit.size(); i++) {
                providers.add(unit.getProvider());
            }
        }
        return siblingsTogetherPoints(providers);
    }

    /** H10: true when one child is a risk to younger children and the other is strictly younger (whole years). */
    public static boolean isRiskToYoungerPair(Child a, Child b) {
        return a.isRiskToYoungerChildren() && b.getAge() < a.getAge()
                || b.isRiskToYoungerChildren() && a.getAge() < b.getAge();
    }

    /** H11: true when one child needs a sole placement and the other is outside its sibling group. */
    public static boolean isSolePlacementPair(Child a, Child b) {
        return (a.isRequiresSolePlacement() || b.isRequiresSolePlacement()) && !a.isSiblingOf(b);
    }

    /** Whether the two sets of children may share a provider as far as H10 and H11 go (no pair between them). */
    public static boolean mayShare(List<Child> a, List<Child> b) {
        return riskToYoungerPoints(a, b) == 0 && solePlacementPoints(a, b) == 0;
    }

    /** H10 points for children sharing a provider: one per pair. */
    public static int riskToYoungerPoints(List<Child> a, List<Child> b) {
        return countPairs(a, b, HardRule.H10);
    }

    /** H11 points for children sharing a provider: one per pair. */
    public static int solePlacementPoints(List<Child> a, List<Child> b) {
        return countPairs(a, b, HardRule.H11);
    }

    /** Pairs within one list, each unordered pair once. */
    public static int pairsWithin(List<Child> children, HardRule rule) {
        int points = 0;
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                points += isPair(children.get(i), children.get(j), rule) ? 1 : 0;
            }
        }
        return points;
    }

    private static int countPairs(List<Child> a, List<Child> b, HardRule rule) {
        int points = 0;
        for (Child x : a) {
            for (Child y : b) {
                points += isPair(x, y, rule) ? 1 : 0;
            }
        }
        return points;
    }

    private static boolean isPair(Child x, Child y, HardRule rule) {
        return rule == HardRule.H10 ? isRiskToYoungerPair(x, y) : isSolePlacementPair(x, y);
    }
}
