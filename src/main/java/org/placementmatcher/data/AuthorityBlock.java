package org.placementmatcher.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One authority's block: its children, their current and hidden placements, and its providers.
 *
 * @param kids the block's children, in the order they are numbered and written
 * @param providers the block's providers, in creation order (numbered once all blocks are made)
 */
record AuthorityBlock(List<DraftChild> kids, List<DraftProvider> providers) {

    /**
     * Generates the block on {@code rng}. The steps take their turns on that one random source, so their order
     * below is part of what makes a seed give byte-identical files: reordering them changes every file.
     *
     * @param responsibleAuthority the council each child belongs to, in the multi-authority sizes only (else null)
     */
    static AuthorityBlock generate(
            Geography.Area area,
            int childTarget,
            int providerTarget,
            SplittableRandom rng,
            IdNumbering numbering,
            String responsibleAuthority) {
        ChildDraw children = new ChildDraw(area, childTarget, rng, numbering, responsibleAuthority);
        children.buildChildren();
        CaseloadStatus status = new CaseloadStatus(children.units, childTarget, rng);
        ProviderPool pool = new ProviderPool(area, rng);
        HiddenPlan plan = new HiddenPlan(pool, childTarget, providerTarget, rng);
        status.choosePlaced();
        plan.placeCurrent(status.placedUnits);
        status.pinAndMove();
        status.setWaitingUrgency();
        status.chooseHard();
        plan.reserve(children.units);
        plan.addVacantProviders();
        plan.trimSparePlaces();
        plan.tighten(status.hardUnits);
        numbering.children += children.kids.size();
        numbering.groups += children.groups.size();
        return new AuthorityBlock(children.kids, pool.providers);
    }
}
