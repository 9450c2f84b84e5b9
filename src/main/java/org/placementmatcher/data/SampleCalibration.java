package org.placementmatcher.data;

import java.util.List;
import org.placementmatcher.domain.ProviderType;

/**
 * The calibration of the sample data (see docs/calibration.md) and the codes it writes: the published figures and
 * the generator's main shares side by side, so each can be checked against the document that gives its source.
 * Small illustrative rates with no published figure stay where they are drawn.
 */
final class SampleCalibration {

    /** calibration.md: unaccompanied asylum-seeking children ~8% of children in care (DfE 2022-2025). */
    static final double UASC_SHARE = 0.08;
    /** calibration.md: UASC 95% boys (DfE). */
    static final double UASC_MALE = 0.95;
    /** calibration.md: UASC 87% aged 16-17 (DfE). */
    static final double UASC_AGED_16_17 = 0.87;
    /** calibration.md: boys 56% of children looked after (DfE 2025). */
    static final double MALE_SHARE = 0.56;
    /** calibration.md: aged 16+ 27% (DfE via Home for Good, 2024). */
    static final double AGE_16_PLUS = 0.27;
    /** calibration.md: aged 10-15 38% (DfE via Home for Good, 2024); the rest, 35%, are under 10. */
    static final double AGE_10_15 = 0.38;
    /**
     * Placement mix, in {@link ProviderType} order (in-house, IFA, connected person, children's home,
     * supported lodgings). calibration.md: in-house foster 27.9%, IFA 24.8%, kinship/connected 15.6%,
     * children's homes 11.4%, supported accommodation 9.8% of placements (sufficiency.org.uk FOI of 150
     * councils, 2024). "With parents" 6.0% and "other" 4.4% have no provider here, so the five are
     * used as relative weights (renormalised over 89.5%).
     */
    static final double[] PLACEMENT_MIX = {27.9, 24.8, 15.6, 11.4, 9.8};
    /** Share of the caseload already in a placement (the rest wait for one). Brief: 70-75%. */
    static final double PLACED_SHARE = 0.72;
    /** Of the placed: settled and pinned (must stay). */
    static final double PINNED_SHARE = 0.40;
    /** Of the placed: placement ending (needsMove). calibration.md: 10% of children have 3+ placements a year. */
    static final double NEEDS_MOVE_SHARE = 0.05;
    /** Waiting children's urgency: EMERGENCY / URGENT (the rest PLANNED). */
    static final double WAITING_EMERGENCY = 0.10;

    static final double WAITING_URGENT = 0.25;
    /** calibration.md: 16% of approved foster places vacant (Ofsted 2024); used as vacancy once all are placed. */
    static final double TARGET_VACANCY = 0.16;
    /** Share of waiting children deliberately left with no eligible provider (supply truly runs out). */
    static final double HARD_SHARE = 0.02;
    /**
     * Sibling group sizes (by group: 1, 2, 3, 4 children). Illustrative; calibration.md quotes
     * groups of 2-4 (Children's Commissioner 2023).
     */
    static final double[] GROUP_SIZE = {0.78, 0.14, 0.06, 0.02};
    /**
     * placeTogether false by group size 2, 3, 4. calibration.md: 26% / 43% / 57% of siblings in
     * groups of 2 / 3 / 4 are split (Children's Commissioner 2023); a care plan that accepts the
     * split is a part of that.
     */
    static final double[] APART_BY_SIZE = {0.0, 0.0, 0.15, 0.25, 0.35};
    /** Providers restricted to one gender (brief: ~10%). */
    static final double GENDER_RESTRICTED = 0.10;
    /** Provider location shares (home county, adjoining, far) by type, in {@link ProviderType} order. */
    static final double[][] LOCATION_SHARES = {
        {0.80, 0.20, 0.00}, // in-house carers live mostly in the county
        {0.38, 0.50, 0.12}, // IFA carers: the agencies' regional pools
        {0.30, 0.50, 0.20}, // connected persons not living near the family home
        {0.12, 0.30, 0.58}, // calibration.md: 49% of children's-home children live >20 miles away (NAO 2025)
        {0.50, 0.45, 0.05}
    };
    /** Connected persons (family and friends) living near the child's family home. */
    static final double CONNECTED_NEAR_HOME = 0.60;
    /** emergencyApproved by type (brief: ~20% overall). */
    static final double[] EMERGENCY_RATE = {0.25, 0.22, 0.05, 0.20, 0.12};
    /** Providers whose next vacancy opens in the future (days to weeks). */
    static final double FUTURE_AVAILABILITY = 0.12;

    static final String FEMALE = "FEMALE";
    static final String MALE = "MALE";

    static final String WHEELCHAIR_ACCESS = "WHEELCHAIR_ACCESS";
    static final String DISABILITY_CARE = "DISABILITY_CARE";
    static final String COMPLEX_BEHAVIOUR = "COMPLEX_BEHAVIOUR";
    static final String PARENT_AND_CHILD = "PARENT_AND_CHILD";
    static final String UASC_SUPPORT = "UASC_SUPPORT";
    static final String THERAPEUTIC = "THERAPEUTIC";
    static final String MEDICAL = "MEDICAL";
    /** The contract's recommended codes (section 1.3), in the order they are written. */
    static final List<String> CAPABILITIES = List.of(
            WHEELCHAIR_ACCESS,
            DISABILITY_CARE,
            COMPLEX_BEHAVIOUR,
            PARENT_AND_CHILD,
            UASC_SUPPORT,
            THERAPEUTIC,
            MEDICAL);
    /** Random capability rates by type, in {@link ProviderType} order, then {@link #CAPABILITIES} order. */
    static final double[][] CAPABILITY_RATES = {
        {0.03, 0.08, 0.06, 0.03, 0.06, 0.04, 0.06},
        {0.04, 0.10, 0.15, 0.06, 0.10, 0.12, 0.07},
        {0, 0, 0, 0, 0, 0, 0}, // connected persons: approved for their own child's needs only
        {0.08, 0.15, 0.60, 0.00, 0.08, 0.50, 0.15}, // homes: mostly therapeutic / complex behaviour
        {0.02, 0.03, 0.05, 0.08, 0.45, 0.03, 0.03}
    }; // supported lodgings: UASC support

    private SampleCalibration() {}
}
