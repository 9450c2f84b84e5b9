package org.placementmatcher.matching;

import java.util.Collection;
import java.util.List;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementArea;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;

/**
 * The answer to "where could these children go, and why?": ranked options and every provider ruled
 * out, each with its reasons. Scores are written as in the contract.
 *
 * @param currentScore the caseload's score today, everyone where they are
 * @param feasibleCount how many providers could take the children (options beyond the limit included)
 */
public record MatchResult(
        List<String> childIds,
        boolean emergency,
        String currentScore,
        int feasibleCount,
        List<Option> options,
        List<Exclusion> excluded) {

    /**
     * Out-of-area approval a placement needs (Care Planning regulations, reg. 11), judged against the child's
     * responsible authority (contract section 8: {@link PlacementArea}).
     */
    public enum Approval {
        /** In the child's responsible authority. */
        NONE,
        /** Out of area, in an authority adjoining the responsible one. */
        NOMINATED_OFFICER,
        /** Out of area at a distance: neither in the responsible authority nor in one adjoining it. */
        DIRECTOR;

        /** The approval placing the child at the provider needs. */
        public static Approval of(Child child, Provider provider) {
            return switch (PlacementArea.of(child, provider)) {
                case IN_AREA -> NONE;
                case ADJOINING -> NOMINATED_OFFICER;
                case AT_A_DISTANCE -> DIRECTOR;
            };
        }

        /** The highest approval among the children's: a unit placed together is decided whole. */
        public static Approval of(Collection<Child> children, Provider provider) {
            Approval highest = NONE;
            for (Child child : children) {
                Approval approval = of(child, provider);
                highest = approval.compareTo(highest) > 0 ? approval : highest;
            }
            return highest;
        }
    }

    /** Soft points of the option, by term (weights applied), summed over the children placed. */
    public record SoftPoints(
            long cost,
            long outOfArea,
            long distancePerMile,
            long over20Miles,
            long language,
            long religion,
            long move,
            long siblingsApart) {}

    /**
     * One placement that could take the children.
     *
     * @param score the caseload's score with this option applied
     * @param scoreDifference that score minus the score today
     * @param distanceMiles the farthest of the children's distances (school, else home) to the provider
     */
    public record Option(
            int rank,
            String providerId,
            ProviderType providerType,
            String localAuthority,
            String score,
            String scoreDifference,
            Approval approval,
            double distanceMiles,
            SoftPoints softPoints,
            List<String> reasons) {}

    /** A provider that cannot take the children, with the hard rule codes (H1-H15) that exclude it. */
    public record Exclusion(String providerId, ProviderType providerType, List<String> codes, List<String> reasons) {}
}
