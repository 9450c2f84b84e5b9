package org.placementmatcher.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;

/**
 * A change to an authority's register, as {@link RegisterService#apply} takes it. Each change checks what
 * it can on its own when made (400 for a malformed request); what depends on the register as it stands
 * (the record exists, the register stays valid) is checked when it is applied, under the authority's lock.
 */
public sealed interface RegisterChange {

    /** Which list of the register a record belongs to. */
    enum Kind {
        PROVIDER("providers", "provider"),
        CHILD("children", "child");

        final String list;
        final String noun;

        Kind(String list, String noun) {
            this.list = list;
            this.noun = noun;
        }
    }

    /** The whole register replaced by the problem (already validated); creates the register if there is none. */
    record ReplaceRegister(PlacementProblem problem) implements RegisterChange {}

    /** A record added, or the one with its id replaced whole. The record's id, if it names one, must be {@code id}. */
    record PutRecord(Kind kind, String id, ObjectNode record) implements RegisterChange {
        public PutRecord {
            record = record.deepCopy();
            if (!record.has("id")) {
                record.put("id", id);
            } else if (!record.get("id").isTextual()
                    || !id.equals(record.get("id").textValue())) {
                throw new InvalidProblemException(
                        List.of(new ProblemError("$.id", "must be the id of the path, '" + id + "'")));
            }
        }
    }

    /** A record changed by an RFC 7396 merge patch (a member set to null removes the field); its id cannot change. */
    record PatchRecord(Kind kind, String id, ObjectNode patch) implements RegisterChange {
        public PatchRecord {
            patch = patch.deepCopy();
            if (patch.has("id") && !id.equals(patch.get("id").asText(null))) {
                throw new InvalidProblemException(List.of(new ProblemError("$.id", "an id cannot be changed")));
            }
        }
    }

    /** A record removed; refused (409) while other records refer to it. */
    record DeleteRecord(Kind kind, String id) implements RegisterChange {}

    /** Rows of a CSV file added or replacing the records with their ids; with {@code replace}, the list becomes exactly the rows. */
    record ImportRows(Kind kind, RegisterCsv.Rows rows, boolean replace) implements RegisterChange {}

    /**
     * A file of council data imported (docs/contract.md section 9): the import works its rows out on the register
     * as it stands, under the lock, and is recorded as {@code via} with the context. Creates the register if there is
     * none only when the import may ({@link FileImport#mayCreateRegister()}).
     */
    record ImportFile(String via, Map<String, Object> context, FileImport file) implements RegisterChange {
        public ImportFile {
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /** A placement starting (or a move): the child's current placement becomes the provider. */
    record StartPlacement(String childId, String providerId, Boolean pinned, Map<String, Object> context)
            implements RegisterChange {
        public StartPlacement {
            if (providerId == null || providerId.isBlank()) {
                throw new InvalidProblemException(
                        List.of(new ProblemError("$.providerId", "is required: the provider's id")));
            }
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /** A placement ending: the child has no current placement any more (and so is neither pinned nor moving). */
    record EndPlacement(String childId, Map<String, Object> context) implements RegisterChange {
        public EndPlacement {
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /**
     * A decision accepting a run's proposed change: each child moves from the provider the run saw to the
     * proposed one, all or none; refused (409) when the register has changed under the proposal.
     *
     * @param askedChildId the child the decision was asked about (its errors are named from the request)
     */
    record AcceptProposal(String runId, String reason, String askedChildId, List<Move> moves)
            implements RegisterChange {
        public AcceptProposal {
            moves = List.copyOf(moves);
        }
    }

    /** One child's move in an accepted proposal; {@code fromProvider} null when the child was waiting. */
    record Move(String childId, String fromProvider, String toProvider) {}
}
