package org.placementmatcher.data;

import static org.placementmatcher.data.SampleDataGenerator.HOME_AUTHORITY;
import static org.placementmatcher.data.SampleDataGenerator.REFERENCE_DATE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.solver.ProblemMapper;

/**
 * The hard rules (contract section 2): PlacementRules, on the engine's view of the working model. The generator
 * judges every current placement and every hidden reserved place by the engine's own rules, so the sample's
 * current placements are feasible by construction and the hidden plan proves a feasible plan exists.
 */
final class DraftPlacementRules {

    /**
     * Places keep this margin outside excluded areas (a safety choice of the generator, not a rule): the
     * excluded-area rule is checked against areas widened by it, so rounding can never put a place on the edge.
     */
    private static final double EXCLUSION_MARGIN_MILES = 0.5;

    private DraftPlacementRules() {}

    /**
     * Whether the unit can join the provider's members under every hard rule: capacity (H1), each child's
     * own rules (H2, H4-H9, H12, H13), fostering limit (H14), risk to younger children (H10) and sole
     * placement (H11). Sibling groups move as one unit (H3).
     *
     * @param asCurrent whether the provider is to be the unit's current placement (which H8, H9 and H13 exempt)
     */
    static boolean canAdd(DraftUnit unit, DraftProvider p, boolean asCurrent) {
        Provider provider = p.engineView();
        if (PlacementRules.capacityPoints(provider, p.members.size() + unit.size()) > 0) {
            return false;
        }
        List<Child> joining = engineViews(unit.kids(), p, provider, asCurrent);
        for (Child child : joining) {
            if (!PlacementRules.isEligible(child, provider)) {
                return false;
            }
        }
        List<Child> present = engineViews(p.members, p, provider, false);
        List<Child> all = new ArrayList<>(present);
        all.addAll(joining);
        return PlacementRules.fosteringLimitPoints(provider, all.size(), PlacementRules.allOneSiblingGroup(all)) == 0
                && PlacementRules.pairsWithin(all, HardRule.H10) == 0
                && PlacementRules.pairsWithin(all, HardRule.H11) == 0;
    }

    /** Whether the child could be placed at the provider were it emergency-approved (every per-child rule but H9). */
    static boolean eligibleButForEmergency(DraftChild kid, DraftProvider p) {
        Provider provider = p.engineView();
        return PlacementRules.isEligibleWaiving(
                HardRule.H9, engineViews(List.of(kid), p, provider, false).getFirst(), provider);
    }

    /** Whether a place at the provider's location (all else aside) is outside every excluded area of the unit. */
    static boolean outsideExcludedAreas(DraftUnit unit, DraftProvider p) {
        Provider provider = p.engineView();
        return PlacementRules.childAtProviderPoints(
                        HardRule.H12, engineViews(unit.kids(), p, provider, false), provider)
                == 0;
    }

    /** A foster household approved for more places than the usual fostering limit holds an exemption from it. */
    static boolean exemptWith(ProviderType type, int places) {
        return type.isFoster() && places > PlacementRules.USUAL_FOSTERING_LIMIT;
    }

    /**
     * The children as the engine sees them, judged at {@code p} (seen as {@code provider}): each child's
     * current placement is {@code p} when {@code asCurrent}, else its own. Excluded areas are widened by
     * {@link #EXCLUSION_MARGIN_MILES}.
     */
    private static List<Child> engineViews(
            List<DraftChild> kids, DraftProvider p, Provider provider, boolean asCurrent) {
        Map<String, Provider> providersById = new HashMap<>();
        providersById.put(p.id, provider);
        List<Child> views = new ArrayList<>(kids.size());
        for (DraftChild kid : kids) {
            DraftProvider current = asCurrent ? p : kid.current;
            if (current != null) {
                providersById.computeIfAbsent(current.id, id -> current.engineView());
            }
            views.add(ProblemMapper.toChild(
                    kid.toInput(current == null ? null : current.id, EXCLUSION_MARGIN_MILES),
                    REFERENCE_DATE,
                    providersById,
                    HOME_AUTHORITY,
                    authority -> Set.of()));
        }
        return views;
    }
}
