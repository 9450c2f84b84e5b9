package org.placementmatcher.contract;

/** One child's place in a plan; providerId is null when the child is left unplaced. */
public record Assignment(String childId, String providerId, boolean moved) {}
