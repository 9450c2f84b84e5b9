package org.placementmatcher.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.register.RunFinished;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunViews;
import org.placementmatcher.register.RunViews.RunView;

/**
 * Works out a finished run's review before anyone asks for it: the parsed run (RunViews) and the explanations of its
 * first page of changes and of unplaced children (RunExplanations) are kept, so the first view is as quick as the
 * next. The explanations do not depend on who looks, so no user is needed: the page is worked out as for one who may
 * decide nothing.
 */
@ApplicationScoped
public class RunReviewWarmUp {

    private static final Logger LOG = Logger.getLogger(RunReviewWarmUp.class);

    private final RunViews views;
    private final RunExplanations explanations;

    public RunReviewWarmUp(RunViews views, RunExplanations explanations) {
        this.views = views;
        this.explanations = explanations;
    }

    void onFinished(@ObservesAsync RunFinished finished) {
        try {
            RunView view = views.view(finished.authority(), finished.id());
            if (view.status() == Status.DONE && view.changes() != null) {
                RunReviewPage.of(view, role -> false, explanations, new RunPages.Filters(null, null, null, null));
            }
        } catch (RuntimeException e) {
            // The review is then worked out when first looked at, as it would be without this.
            LOG.warnf("run %s: review not prepared: %s", finished.id(), LogSafe.failure(e));
        }
    }
}
