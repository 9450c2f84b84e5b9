package org.placementmatcher.data;

/** A sibling group of the working model: its id and whether its children are to be placed together. */
final class DraftSiblingGroup {
    String id;
    boolean together = true;
}
