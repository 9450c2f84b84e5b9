package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.contract.ProblemError;

/**
 * How a change names the errors of the register it would make. The contract's validation names them by
 * their place in the whole register ({@code $.children[3].id}); a change of one record names that record's
 * errors from the request body ({@code $.id}), CSV rows by line and column, and any other record by its id.
 */
@FunctionalInterface
public interface ErrorNaming {

    List<ProblemError> name(ObjectNode tree, List<ProblemError> errors);

    /** Paths as they are: they refer to the request body, which is the whole register. */
    ErrorNaming BODY = (tree, errors) -> errors;

    /** Every record named by its register id: the request named none of them itself. */
    ErrorNaming REGISTER = (tree, errors) -> rename(tree, errors, (list, id) -> null);

    /** Errors of the one record the request wrote are named from the request body ($); others by register id. */
    static ErrorNaming record(String list, String id) {
        return (tree, errors) ->
                rename(tree, errors, (kind, recordId) -> kind.equals(list) && recordId.equals(id) ? "$" : null);
    }

    /** Errors of rows imported from CSV are named by line and column; others by register id. */
    static ErrorNaming csvRows(String list, Map<String, Integer> lineById) {
        return (tree, errors) -> rename(
                tree,
                errors,
                (kind, recordId) ->
                        kind.equals(list) && lineById.containsKey(recordId) ? "line " + lineById.get(recordId) : null);
    }

    private static List<ProblemError> rename(ObjectNode tree, List<ProblemError> errors, Namer namer) {
        List<ProblemError> named = new ArrayList<>(errors.size());
        for (ProblemError error : errors) {
            Matcher m = Namer.RECORD_PATH.matcher(error.path());
            if (!m.matches()) {
                named.add(new ProblemError(error.path().replaceFirst("^\\$", "register"), error.message()));
                continue;
            }
            String list = m.group(1);
            JsonNode record = tree.path(list).path(Integer.parseInt(m.group(2)));
            String id = record.path("id").isTextual() ? record.path("id").textValue() : m.group(2);
            String own = namer.name(list, id);
            String rest = m.group(3);
            if (own == null) {
                named.add(new ProblemError("register." + list + "[" + id + "]" + rest, error.message()));
            } else if (own.startsWith("line ")) {
                named.add(new ProblemError(
                        own + (rest.isEmpty() ? "" : ", column " + RegisterCsv.columnOf(rest.replaceFirst("^\\.", ""))),
                        error.message()));
            } else {
                named.add(new ProblemError(own + rest, error.message()));
            }
        }
        return named;
    }

    /** The change's own name for a record of the register (null: the record is named by its register id). */
    interface Namer {
        Pattern RECORD_PATH = Pattern.compile("^\\$\\.(providers|children)\\[(\\d+)](.*)$");

        String name(String list, String id);
    }
}
