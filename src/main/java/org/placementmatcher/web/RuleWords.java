package org.placementmatcher.web;

import org.placementmatcher.domain.HardRule;

/** The hard rules (contract section 2) in the words a placement officer uses, for the pages. */
public final class RuleWords {

    private RuleWords() {}

    /** Completes "N placements ..." for a provider the rule excludes. */
    public static String excludedBecause(HardRule rule) {
        return switch (rule) {
            case H1 -> "have no free place";
            case H2 -> "are not approved for the child's age";
            case H3 -> "would split a sibling group placed together";
            case H4 -> "do not meet every need";
            case H5 -> "do not take the child's gender";
            case H6 -> "are supported lodgings, for 16 and 17 year olds only";
            case H7 -> "are connected person carers approved for other children";
            case H8 -> "are not available in time";
            case H9 -> "are not approved for same-day emergencies";
            case H10 -> "look after a child who is a risk to younger children";
            case H11 -> "cannot offer or share a sole placement";
            case H12 -> "are inside an area the child must be kept away from";
            case H13 -> "are the placement that is ending";
            case H14 -> "have reached the fostering limit of 3";
        };
    }
}
