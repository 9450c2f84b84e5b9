package org.placementmatcher.matching;

import java.util.List;
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

    /** Out-of-area approval a placement needs (Care Planning regulations, reg. 11). */
    public enum Approval {
        /** In the home authority. */
        NONE,
        /** Out of area, in an adjoining authority. */
        NOMINATED_OFFICER,
        /** Neither in the home authority nor in an adjoining one. */
        DIRECTOR
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
