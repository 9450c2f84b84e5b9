package org.placementmatcher.web;

import org.placementmatcher.domain.HardRule;

/** The hard rules (contract section 2) in the words a placement officer uses, for the pages. */
public final class RuleWords {

    private RuleWords() {}

    /** Why the rule excludes a provider, as a heading: "Does not meet every need". */
    public static String exclusion(HardRule rule) {
        return switch (rule) {
            case H1 -> "No free place";
            case H2 -> "Not approved for the child's age";
            case H3 -> "Would split a sibling group placed together";
            case H4 -> "Does not meet every need";
            case H5 -> "Does not take the child's gender";
            case H6 -> "Supported lodgings, for 16 and 17 year olds only";
            case H7 -> "A connected person carer approved for other children";
            case H8 -> "Not available in time";
            case H9 -> "Not approved for same-day emergencies";
            case H10 -> "Looks after a child who is a risk to younger children";
            case H11 -> "Cannot offer or share a sole placement";
            case H12 -> "Inside an area the child must be kept away from";
            case H13 -> "The placement that is ending";
            case H14 -> "Has reached the fostering limit of 3";
            case H15 -> "Not registered with Ofsted, or judged below the council's minimum";
        };
    }
}
