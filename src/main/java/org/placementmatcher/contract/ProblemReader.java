package org.placementmatcher.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw JSON into a {@link PlacementProblem}, or rejects it whole with every problem found.
 * The JSON is first read as a tree and checked field by field, so that one wrong type does not
 * hide the others; only a problem with no errors is bound to the records.
 */
public final class ProblemReader {

    private ProblemReader() {}

    public static PlacementProblem read(String json) {
        return read(json, false);
    }

    /**
     * As {@link #read(String)}, and a field the contract does not know is an error at its path: the register's
     * reading, which stores what it is given (docs/contract.md, Extensions); {@code /api/plans} stays lenient.
     */
    public static PlacementProblem readRegister(String json) {
        return read(json, true);
    }

    private static PlacementProblem read(String json, boolean refuseUnknownFields) {
        if (json == null || json.isBlank()) {
            throw new InvalidProblemException(
                    List.of(new ProblemError("$", "the body is empty: a PlacementProblem JSON object is required")));
        }
        JsonNode root;
        try {
            root = ContractJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidProblemException(List.of(malformed(e)));
        }
        return read(root, "$", refuseUnknownFields);
    }

    /**
     * Validates a tree already parsed (e.g. the {@code problem} member of a match request) found at {@code path}.
     * Locations given by postcode are first resolved into the tree (docs/contract.md section 9).
     */
    public static PlacementProblem read(JsonNode root, String path) {
        return read(root, path, false);
    }

    /**
     * As {@link #read(JsonNode, String)}; with {@code refuseUnknownFields}, as the register reads (see readRegister):
     * a field the contract does not know is an error at its path.
     */
    public static PlacementProblem read(JsonNode root, String path, boolean refuseUnknownFields) {
        ProblemErrors errors = new ProblemErrors();
        if (refuseUnknownFields) {
            UnknownFields.check(root, path, errors);
        }
        return read(root, RecordPaths.at(path), errors);
    }

    /** As {@link #read(JsonNode, String)}, each error named where {@code paths} says. */
    public static PlacementProblem read(JsonNode root, RecordPaths paths) {
        return read(root, paths, new ProblemErrors());
    }

    private static PlacementProblem read(JsonNode root, RecordPaths paths, ProblemErrors errors) {
        String path = paths.root();
        PostcodeResolution.resolve(root, paths, errors);
        new ProblemValidator(paths, errors).validate(root).throwIfAny();
        try {
            return ContractJson.mapper().treeToValue(root, PlacementProblem.class);
        } catch (IOException e) {
            // The validator checks every field the records bind, so this is a validator gap, still the input's fault.
            // Jackson's message names Java types: not for the caller.
            throw new InvalidProblemException(List.of(new ProblemError(path, "cannot be read as a PlacementProblem")));
        }
    }

    /** A request body that must be one JSON object: 400 (at {@code $}) when empty, malformed or anything else. */
    public static ObjectNode jsonObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidProblemException(
                    List.of(new ProblemError("$", "the body is empty: a JSON object is required")));
        }
        JsonNode root;
        try {
            root = ContractJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidProblemException(List.of(malformed(e)));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new InvalidProblemException(List.of(new ProblemError("$", "must be a JSON object")));
        }
        return object;
    }

    /** Why a JSON text could not be read, as the caller's error: a too-long array at its path, else at {@code $}. */
    public static ProblemError malformed(JsonProcessingException e) {
        if (e instanceof ArrayLengthCheck.TooManyEntries tooMany) {
            return tooMany.error();
        }
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        Throwable limit = e instanceof StreamConstraintsException ? e : e.getCause();
        if (limit instanceof StreamConstraintsException passed) {
            return new ProblemError(
                    "$", "JSON too large to read" + where + ": " + pastLimit(passed.getOriginalMessage()));
        }
        // Jackson's message may quote the offending input: cut it short, a message must stay small.
        return new ProblemError(
                "$", "malformed JSON" + where + ": " + TextRules.shortened(e.getOriginalMessage(), 200));
    }

    /** Which of Jackson's read limits was passed, in plain words: its own message names its Java settings. */
    private static String pastLimit(String jacksonMessage) {
        String message = jacksonMessage == null ? "" : jacksonMessage.toLowerCase(Locale.ROOT);
        StreamReadConstraints limits = ContractJson.mapper().getFactory().streamReadConstraints();
        if (message.contains("nesting depth")) {
            return "nested too deeply (at most " + limits.getMaxNestingDepth() + " levels)";
        } else if (message.contains("string value length")) {
            return "a string is too long (at most " + limits.getMaxStringLength() + " characters)";
        } else if (message.contains("number value length") || message.contains("bigdecimal")) {
            return "a number is too long (at most " + limits.getMaxNumberLength() + " digits)";
        } else if (message.contains("name length")) {
            return "a field name is too long (at most " + limits.getMaxNameLength() + " characters)";
        }
        return "the document is too large";
    }
}
