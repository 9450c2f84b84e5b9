package org.placementmatcher.solver;

import java.util.Locale;
import org.placementmatcher.contract.PlacementPlan;

/** A plan's proof in words for people ({@link BestBound}): how far it is at most from the best possible plan. */
public final class PlanProof {

    private PlanProof() {}

    /** One sentence, or null where the plan has no bound. */
    public static String words(PlacementPlan plan) {
        if (plan.bestBound() == null) {
            return null;
        }
        if (plan.mediumGap() == null) {
            return "This plan breaks rules that the best possible plan might keep";
        }
        if (plan.mediumGap() > 0) {
            return String.format(
                    Locale.ROOT,
                    "The best possible plan might leave less urgent need unplaced (by up to %d urgency %s)",
                    plan.mediumGap(),
                    plan.mediumGap() == 1 ? "point" : "points");
        }
        if (plan.gapPercent() == null) {
            return "Close to the best possible plan, which has no costs at all to compare with";
        }
        if (plan.gapPercent() == 0) {
            return "Proven to be the best possible plan";
        }
        return String.format(Locale.ROOT, "At most %.2f%% from the best possible plan", plan.gapPercent());
    }
}
