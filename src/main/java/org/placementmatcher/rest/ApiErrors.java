package org.placementmatcher.rest;

import java.util.List;
import org.placementmatcher.contract.ProblemError;

/** Every error response of the API: each problem with the JSON path (or parameter) it concerns. */
public record ApiErrors(List<ProblemError> errors) {

    public static ApiErrors of(String path, String message) {
        return new ApiErrors(List.of(new ProblemError(path, message)));
    }
}
