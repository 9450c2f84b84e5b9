package org.placementmatcher.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import org.placementmatcher.matching.MatchResult.Approval;

/**
 * Who may decide a proposed change (contract section 6), in one place: rejecting one needs MANAGER; accepting
 * one needs the role its {@code approval} names (NONE: MANAGER, NOMINATED_OFFICER: out of area in an adjoining
 * authority, DIRECTOR: out of area at a distance), the approval judged against the child's responsible authority
 * ({@link org.placementmatcher.matching.MatchResult.Approval#of}, contract section 8). A change of a placeTogether group is decided whole, so the
 * highest approval among its children counts. Checked before anything is written.
 */
@ApplicationScoped
public class ApprovalPolicy {

    private final CurrentUser user;

    public ApprovalPolicy(CurrentUser user) {
        this.user = user;
    }

    /** The least role that may take the decision on changes needing these approvals. */
    public static Role needed(boolean accept, Collection<Approval> approvals) {
        if (!accept) {
            return Role.MANAGER;
        }
        Approval highest = approvals.stream().max(Comparator.naturalOrder()).orElse(Approval.NONE);
        return switch (highest) {
            case NONE -> Role.MANAGER;
            case NOMINATED_OFFICER -> Role.NOMINATED_OFFICER;
            case DIRECTOR -> Role.DIRECTOR;
        };
    }

    /** Refuses (403, {@link NotPermitted}) a decision the user's roles do not reach. */
    public void requireToDecide(boolean accept, Collection<Approval> approvals) {
        Role needed = needed(accept, approvals);
        if (user.has(needed)) {
            return;
        }
        Approval highest = approvals.stream().max(Comparator.naturalOrder()).orElse(Approval.NONE);
        throw new NotPermitted(
                accept
                        ? "accepting this change needs the role " + needed + " (its approval is " + highest + ")"
                        : "rejecting a proposed change needs the role " + needed);
    }

    /** A request the user's roles do not allow: 403, nothing changed. */
    public static class NotPermitted extends RuntimeException {
        public NotPermitted(String message) {
            super(message);
        }
    }
}
