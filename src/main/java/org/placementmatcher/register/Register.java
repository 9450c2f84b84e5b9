package org.placementmatcher.register;

import org.placementmatcher.contract.PlacementProblem;

/** An authority's register as stored: the contract problem it holds and its version (one up per change). */
public record Register(String authority, long version, PlacementProblem problem) {}
