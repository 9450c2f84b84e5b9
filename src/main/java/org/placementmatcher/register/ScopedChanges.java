package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ProblemError;

/**
 * The last check of a change made by a user who sees only some children of a shared register (contract section 8):
 * whatever the change was (one record, CSV rows, an import), the register it would make may differ from the one
 * before only in children the user sees, before and after, and not in the register's own fields. Errors carry
 * register paths ({@code $.children[3].responsibleAuthority}), named for the request by the change's
 * {@link ErrorNaming}. They say no more of other authorities' children than that an id is taken.
 */
final class ScopedChanges {

    private ScopedChanges() {}

    static List<ProblemError> outside(
            ChildScope scope,
            String authority,
            Register before,
            org.placementmatcher.contract.PlacementProblem after,
            RegisterDiff diff) {
        List<ProblemError> errors = new ArrayList<>();
        String held = String.join(", ", scope.authorities());
        if (before != null && diff.fieldsChanged()) {
            errors.add(new ProblemError(
                    "$",
                    "the register's own fields (name, reference date, weights, adjoining authorities) are shared by its"
                            + " authorities: only a user holding " + authority + " changes them"));
        }
        for (RegisterDiff.Indexed<ChildInput> added : diff.children().added()) {
            if (!scope.sees(added.value(), authority)) {
                errors.add(notHeld(added.order(), held));
            }
        }
        for (RegisterDiff.Changed<ChildInput> changed : diff.children().changed()) {
            if (!scope.sees(changed.before(), authority)) {
                errors.add(new ProblemError(
                        "$.children[" + changed.order() + "].id",
                        "is the id of a child of an authority you do not hold: choose another id"));
            } else if (!scope.sees(changed.after(), authority)) {
                errors.add(notHeld(changed.order(), held));
            }
        }
        long removedUnseen = diff.children().removed().stream()
                .filter(child -> !scope.sees(child, authority))
                .count();
        if (removedUnseen > 0) {
            errors.add(new ProblemError(
                    "$",
                    "would remove children of authorities you do not hold; change only your authorities' children"));
        }
        return errors;
    }

    /**
     * The errors of a register a change would make, with the ids of children the user does not see replaced by
     * "{@value RunSight#ANOTHER_CHILD}" (e.g. a provider still holding another authority's child cannot be removed).
     */
    static List<ProblemError> unnamed(ChildScope scope, String authority, ObjectNode next, List<ProblemError> errors) {
        if (scope.isAll()) {
            return errors;
        }
        Set<String> unseen = new HashSet<>();
        for (JsonNode child : next.path("children")) {
            if (!scope.sees(child.path("responsibleAuthority").asText(null), authority)) {
                unseen.add(child.path("id").asText());
            }
        }
        if (unseen.isEmpty()) {
            return errors;
        }
        return errors.stream()
                .map(error -> new ProblemError(
                        RunSight.unnamed(error.path(), unseen), RunSight.unnamed(error.message(), unseen)))
                .toList();
    }

    private static ProblemError notHeld(int order, String held) {
        return new ProblemError(
                "$.children[" + order + "].responsibleAuthority",
                "must be an authority you hold (" + held + "): without it the child is the register's own authority's");
    }
}
