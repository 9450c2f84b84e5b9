package org.placementmatcher.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ImportReport;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.ssda903.Ssda903Csv;
import org.placementmatcher.data.ssda903.Ssda903Files;
import org.placementmatcher.data.ssda903.Ssda903Import;
import org.placementmatcher.data.ssda903.Ssda903Problems;
import org.placementmatcher.data.ssda903.Ssda903Xml;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The SSDA903 import into a register (docs/contract.md section 9): the Header, Episodes and UASC tables as CSV
 * parts, or the return as one XML part, made into children and their current placements on a reference date
 * ({@link Ssda903Import}) and applied as a {@link FileImport} ({@link Ssda903FileImport}), worked out once under
 * the register's lock. A dry run answers (200) what would change and every problem, and changes nothing; otherwise
 * an import with any problem is refused whole (400, the same body), and one without is applied in one transaction,
 * audited as the user's.
 */
@Path("/api/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
public class Ssda903ImportResource {

    static final String VIA = "SSDA903 import";

    private final RegisterService register;
    private final CurrentUser user;
    private final PostcodeDirectory postcodes;

    public Ssda903ImportResource(RegisterService register, CurrentUser user, PostcodeDirectory postcodes) {
        this.register = register;
        this.user = user;
        this.postcodes = postcodes;
    }

    @POST
    @Path("{authority}/import/ssda903")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Import children and their current placements from the SSDA903 return (README: SSDA903 import)",
            description = "Parts header, episodes and uasc (CSV tables; uasc may be left out), or one part xml (the "
                    + "DfE XML). Each child with an episode open on referenceDate is placed where it says; children in "
                    + "placements the engine has no type for are listed as skipped. dryRun=true changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "What the import adds or changes, the children left out and why; a dry run also lists"
                    + " every problem, beside what it would do with the children that have none",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "An import (not a dry run) with problems: the same body, every problem by table, line and"
                    + " column, nothing kept; or a bad parameter or part ({\"errors\": [...]})")
    @APIResponse(responseCode = "409", description = "Another change to the register was being made at the same time")
    public Response importSsda903(
            @PathParam("authority") String authority,
            @QueryParam("referenceDate")
                    @Parameter(description = "The date the placements are read on (yyyy-mm-dd)", required = true)
                    String referenceDate,
            @QueryParam("dryRun") @Parameter(description = "true: answer what would change, change nothing")
                    String dryRun,
            @RestForm("header") FileUpload header,
            @RestForm("episodes") FileUpload episodes,
            @RestForm("uasc") FileUpload uasc,
            @RestForm("xml") FileUpload xml) {
        RegisterService.checkAuthority(authority);
        List<ProblemError> errors = new ArrayList<>();
        LocalDate date = referenceDate(referenceDate, errors);
        boolean dry = dryRun(dryRun, errors);
        boolean csv = header != null || episodes != null || uasc != null;
        if (xml != null && csv) {
            errors.add(new ProblemError("xml", "send either the CSV tables (header, episodes, uasc) or xml, not both"));
        } else if (xml == null && (header == null || episodes == null)) {
            errors.add(new ProblemError(
                    header == null ? "header" : "episodes",
                    "is required: the parts are header, episodes and uasc (CSV), or xml"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemException(errors);
        }
        Ssda903Problems problems = new Ssda903Problems();
        Ssda903Files files = xml != null
                ? Ssda903Xml.read(text("xml", xml), problems)
                : Ssda903Csv.read(text("header", header), text("episodes", episodes), text("uasc", uasc), problems);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("referenceDate", date.toString());
        context.put("format", xml != null ? "XML" : "CSV");
        Ssda903FileImport ssda903 = new Ssda903FileImport(files, date, postcodes, problems);
        RegisterChange change = new RegisterChange.ImportFile(VIA, context, ssda903);
        try {
            if (dry) {
                register.dryRun(authority, user.username(), change);
            } else {
                register.apply(authority, user.username(), change);
            }
        } catch (FileImport.Refused refused) {
            // the report answers, with every problem; nothing was kept
        }
        ImportReport report = ssda903.report();
        int status = report.hasProblems() && !dry ? 400 : 200;
        return Response.status(status).entity(report).build();
    }

    private static LocalDate referenceDate(String value, List<ProblemError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(
                    new ProblemError("referenceDate", "is required: the date the placements are read on (yyyy-mm-dd)"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new ProblemError("referenceDate", "must be a date written yyyy-mm-dd"));
            return null;
        }
    }

    private static boolean dryRun(String value, List<ProblemError> errors) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new ProblemError("dryRun", "must be true or false"));
        return false;
    }

    /** The part's text, strictly UTF-8 (a byte-order mark is dropped by the readers); null for a part not sent. */
    private static String text(String part, FileUpload upload) {
        if (upload == null) {
            return null;
        }
        try {
            return ContractJson.decode(Files.readAllBytes(upload.uploadedFile()), StandardCharsets.UTF_8);
        } catch (InvalidProblemException e) {
            throw new InvalidProblemException(
                    List.of(new ProblemError(part, e.errors().getFirst().message())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
