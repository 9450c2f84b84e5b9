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
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.placementmatcher.contract.ImportReport;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.data.ofsted.OfstedList;
import org.placementmatcher.data.ofsted.OfstedListReader;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.rest.QueryParams;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The import of Ofsted's provider lists into a register (docs/contract.md section 9; README "Ofsted provider
 * lists"): the list as a CSV or XLSX body (not a multipart form: the pages' CSRF filter refuses a form without
 * its token). OFFICER, like every change of a register; applied in one transaction and audited as the signed-in
 * user.
 */
@Path("/api/register/{authority}/import/ofsted")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OFFICER_NAME)
public class OfstedImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String DRY_RUN =
            "true: answer what the import would do and keep nothing; false (default): apply it";
    private static final String REFERENCE_DATE =
            "the day registration is judged on (ISO date; default the register's referenceDate)";

    private final RegisterService register;
    private final CurrentUser user;
    private final PostcodeDirectory postcodes;

    public OfstedImportResource(RegisterService register, CurrentUser user, PostcodeDirectory postcodes) {
        this.register = register;
        this.user = user;
        this.postcodes = postcodes;
    }

    @POST
    @Consumes(RegisterCsvResource.CSV)
    @Operation(
            summary = "Import an Ofsted provider list (CSV)",
            description =
                    "Providers matched by ofstedUrn take the list's registration, judgement and places; children's"
                            + " homes and supported accommodation the register lacks are added. All or nothing; every problem"
                            + " by table, line and column.")
    @APIResponse(
            responseCode = "200",
            description = "What the import adds or changes, the rows it leaves out, and (in a dry run) its problems",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Problems in the list: the same body, nothing kept")
    @APIResponse(responseCode = "404", description = "No register for the authority")
    public Response csv(
            @PathParam("authority") String authority,
            @QueryParam("dryRun") @Parameter(description = DRY_RUN) String dryRun,
            @QueryParam("referenceDate") @Parameter(description = REFERENCE_DATE) String referenceDate,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = RegisterCsvResource.CSV,
                                            schema = @Schema(type = SchemaType.STRING)))
                    String body) {
        Options options = options(dryRun, referenceDate);
        return run(authority, options, OfstedListReader.readCsv(body));
    }

    @POST
    @Consumes(XLSX)
    @Operation(summary = "Import an Ofsted provider list (XLSX workbook)", description = "As the CSV form.")
    @APIResponse(
            responseCode = "200",
            description = "What the import adds or changes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Problems in the list: the same body, nothing kept")
    public Response xlsx(
            @PathParam("authority") String authority,
            @QueryParam("dryRun") @Parameter(description = DRY_RUN) String dryRun,
            @QueryParam("referenceDate") @Parameter(description = REFERENCE_DATE) String referenceDate,
            InputStream body) {
        Options options = options(dryRun, referenceDate);
        return run(authority, options, OfstedListReader.readXlsx(body));
    }

    private record Options(boolean dryRun, LocalDate referenceDate) {}

    private static Options options(String dryRun, String referenceDate) {
        LocalDate date = QueryParams.isoDate("referenceDate", referenceDate);
        String flag = dryRun == null ? "false" : dryRun.trim().toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
            throw new InvalidProblemException(
                    List.of(new ProblemError("dryRun", "must be true or false, got " + TextRules.quote(dryRun))));
        }
        return new Options(flag.equals("true"), date);
    }

    private Response run(String authority, Options options, OfstedList list) {
        OfstedImport ofsted = new OfstedImport(list, options.referenceDate(), postcodes);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("rows", list.settings().size() + list.skipped().size());
        if (options.referenceDate() != null) {
            context.put("referenceDate", options.referenceDate().toString());
        }
        RegisterChange change = new RegisterChange.ImportFile("Ofsted list", context, ofsted);
        ImportReport report;
        try {
            if (options.dryRun()) {
                register.dryRun(authority, user.username(), change);
            } else {
                register.apply(authority, user.username(), change);
            }
            report = ofsted.report();
        } catch (FileImport.Refused refused) {
            report = ofsted.report();
        } catch (InvalidProblemException invalid) {
            report = ofsted.refusedBy(invalid.errors());
        }
        int status = report.hasProblems() && !options.dryRun() ? 400 : 200;
        return Response.status(status).entity(report).build();
    }
}
