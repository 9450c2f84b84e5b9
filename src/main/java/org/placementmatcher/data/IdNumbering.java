package org.placementmatcher.data;

/**
 * Numbers children and sibling groups across blocks. Widths of 0 (a single block) are the block's own, as they
 * always were; the multi-authority sizes number on fixed widths.
 */
final class IdNumbering {
    final int childWidth;
    final int groupWidth;
    int children;
    int groups;

    IdNumbering(int childWidth, int groupWidth) {
        this.childWidth = childWidth;
        this.groupWidth = groupWidth;
    }

    /** The number zero-padded to the width: the digits of an id ("C-0001", "SG-001", "P-0001"). */
    static String pad(int number, int width) {
        String digits = String.valueOf(number);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
