package org.placementmatcher.contract;

/** One problem found in an input, located by its JSON path (e.g. {@code $.children[3].dateOfBirth}). */
public record ProblemError(String path, String message) {}
