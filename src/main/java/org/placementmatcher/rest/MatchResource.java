package org.placementmatcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InputLimits;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemErrors;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.security.Role;

/**
 * Match proposals and same-day emergency queries. Answered in the request thread from the shared
 * rule definitions: no solver, so they never wait for a solving thread held by plans or runs.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    private static final String LIMIT_DESCRIPTION =
            "options listed at most (default " + MatchService.DEFAULT_LIMIT + ")";

    private final MeterRegistry registry;

    public MatchResource(MeterRegistry registry) {
        this.registry = registry;
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("match")
    @Operation(
            summary = "Ranked placement options for one child or one placeTogether sibling group",
            description = "Everyone else stays where they are. Each option: its score difference, soft points by term, "
                    + "distance and the out-of-area approval it needs; each excluded provider: the hard rules (H1-H15) "
                    + "that rule it out.")
    @APIResponse(
            responseCode = "200",
            description = "Options and exclusions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid problem, child ids or limit: every error with its JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    public MatchResult match(
            @RequestBody(
                            description = "{\"problem\": PlacementProblem, \"childIds\": [...]}",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = MatchRequest.class)))
                    String body,
            @Parameter(
                            description = LIMIT_DESCRIPTION,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + MatchService.MAX_LIMIT))
                    @QueryParam("limit")
                    Integer limit) {
        return answer(body, limit, false);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Path("emergency")
    @Operation(
            summary = "Same-day emergency query: who can take these children tonight",
            description = "As match, with the children treated as EMERGENCY and needed today: only emergency-approved "
                    + "providers with a place free today pass the hard rules.")
    @APIResponse(
            responseCode = "200",
            description = "Options and exclusions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid problem, child ids or limit: every error with its JSON path",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiErrors.class)))
    public MatchResult emergency(
            @RequestBody(
                            description = "{\"problem\": PlacementProblem, \"childIds\": [...]}",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = MatchRequest.class)))
                    String body,
            @Parameter(
                            description = LIMIT_DESCRIPTION,
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "" + MatchService.MAX_LIMIT))
                    @QueryParam("limit")
                    Integer limit) {
        return answer(body, limit, true);
    }

    private MatchResult answer(String body, Integer limitParam, boolean emergency) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            int limit = QueryParams.inRange("limit", limitParam, 1, MatchService.MAX_LIMIT, MatchService.DEFAULT_LIMIT);
            MatchRequest request = MatchRequest.read(body);
            MatchResult result =
                    MatchService.match(Caseload.of(request.problem()), request.childIds(), limit, emergency);
            outcome = "ok";
            return result;
        } finally {
            sample.stop(
                    registry.timer("placement.query", "kind", emergency ? "emergency" : "match", "outcome", outcome));
        }
    }

    /** The body of a match or emergency request, validated as a whole: problem errors and childIds errors together. */
    @Schema(
            name = "MatchRequest",
            description = "The caseload and the children to place: a child named brings the rest of its placeTogether "
                    + "sibling group, which travels with it")
    public record MatchRequest(PlacementProblem problem, List<String> childIds) {

        static MatchRequest read(String body) {
            if (body == null || body.isBlank()) {
                throw new InvalidProblemException(List.of(new ProblemError(
                        "$", "the body is empty: {\"problem\": PlacementProblem, \"childIds\": [...]} is required")));
            }
            JsonNode root;
            try {
                root = ContractJson.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new InvalidProblemException(List.of(ProblemReader.malformed(e)));
            }
            if (!root.isObject()) {
                throw new InvalidProblemException(List.of(new ProblemError(
                        "$", "must be a JSON object: {\"problem\": PlacementProblem, \"childIds\": [...]}")));
            }
            ProblemErrors errors = new ProblemErrors();
            PlacementProblem problem = null;
            try {
                problem = ProblemReader.read(root.get("problem"), "$.problem");
            } catch (InvalidProblemException e) {
                errors.addAll(e);
            }
            List<ProblemError> idErrors = new ArrayList<>();
            List<String> childIds = childIds(root, idErrors);
            idErrors.forEach(e -> errors.add(e.path(), e.message()));
            errors.throwIfAny();
            return new MatchRequest(problem, childIds);
        }

        /** The request's {@code childIds}, each problem with them added to {@code errors}. */
        public static List<String> childIds(JsonNode root, List<ProblemError> errors) {
            List<String> childIds = new ArrayList<>();
            JsonNode ids = root.get("childIds");
            if (ids == null || !ids.isArray()) {
                errors.add(new ProblemError("$.childIds", "is required: an array of child ids"));
                return childIds;
            }
            if (ids.size() > InputLimits.MAX_CHILDREN) {
                errors.add(new ProblemError(
                        "$.childIds",
                        "has " + ids.size() + " entries; at most " + InputLimits.MAX_CHILDREN + " are accepted"));
                return childIds;
            }
            for (int i = 0; i < ids.size(); i++) {
                String problem = ids.get(i).isTextual()
                        ? TextRules.codeProblem(ids.get(i).textValue())
                        : "must be a string";
                if (problem == null) {
                    childIds.add(ids.get(i).textValue());
                } else {
                    errors.add(new ProblemError("$.childIds[" + i + "]", problem));
                }
            }
            return childIds;
        }
    }
}
