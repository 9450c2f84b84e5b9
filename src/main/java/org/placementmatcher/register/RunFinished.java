package org.placementmatcher.register;

/** Fired (asynchronously) once a run has finished with a plan and its proposed changes are stored. */
public record RunFinished(String authority, String id) {}
