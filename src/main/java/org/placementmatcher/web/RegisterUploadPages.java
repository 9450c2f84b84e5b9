package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProviderInput;
import org.placementmatcher.register.RegisterChange.ImportRows;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterCsv;
import org.placementmatcher.register.RegisterDiff;
import org.placementmatcher.register.RegisterErrors;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * CSV upload from the browser (OFFICER): the file is read and worked out on the register exactly as the API's CSV
 * import is, and shown as a preview (added, changed with the fields that change, removed) or as its errors by line
 * and column; nothing changes until the user confirms. What was previewed stays on the server
 * ({@link PendingUploads}); confirming applies it in one transaction, audited as the user.
 */
@Path("/registers/{authority}/upload")
@RolesAllowed(Role.OFFICER_NAME)
public class RegisterUploadPages {

    /** Rows of each kind of change listed in a preview; the counts are always whole. */
    static final int LISTED = 50;

    /** One record in a preview: its id and, for a change, the fields that change. */
    @TemplateData
    public record PreviewRow(String id, String fields) {}

    private final Template upload;
    private final RegisterService registers;
    private final PendingUploads pending;
    private final CurrentUser user;

    public RegisterUploadPages(
            @Location("web/register/upload.html") Template upload,
            RegisterService registers,
            PendingUploads pending,
            CurrentUser user) {
        this.upload = upload;
        this.registers = registers;
        this.pending = pending;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance form(@PathParam("authority") String authority, @QueryParam("applied") String applied) {
        registers.version(authority);
        return page(authority).data("applied", applied);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response preview(
            @PathParam("authority") String authority,
            @RestForm("list") String list,
            @RestForm("mode") String mode,
            @RestForm("file") FileUpload file) {
        List<ProblemError> formErrors = new ArrayList<>();
        if (!"providers".equals(list) && !"children".equals(list)) {
            formErrors.add(new ProblemError("#list", "Select whether the file holds providers or children"));
        }
        if (file == null || file.size() == 0) {
            formErrors.add(new ProblemError("#file", "Select a CSV file"));
        }
        if (!formErrors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(authority).data("formErrors", formErrors).data("list", list))
                    .build();
        }
        String csv;
        try {
            csv = ContractJson.decode(Files.readAllBytes(file.uploadedFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidProblemException e) {
            return errors(authority, list, e.errors());
        }
        Kind kind = "providers".equals(list) ? Kind.PROVIDER : Kind.CHILD;
        return preview(authority, kind, "replace".equals(mode), csv, null);
    }

    @POST
    @Path("{pending}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response confirm(@PathParam("authority") String authority, @PathParam("pending") String pendingId) {
        Optional<PendingUploads.Pending> found = pending.take(pendingId, user.username(), authority);
        if (found.isEmpty()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(page(authority)
                            .data(
                                    "formErrors",
                                    List.of(new ProblemError(
                                            "#file",
                                            "This preview has expired or was already applied: upload the file again"))))
                    .build();
        }
        PendingUploads.Pending upload = found.get();
        RegisterDiff diff;
        try {
            // Checked under the register's lock, so a change made after the preview is never applied unpreviewed.
            RegisterService.Locked unchanged = (connection, current) -> {
                if ((current == null ? 0 : current.version()) != upload.version()) {
                    throw new ChangedSincePreview();
                }
            };
            diff = registers
                    .apply(
                            authority,
                            user.username(),
                            importRows(upload.kind(), upload.replace(), upload.csv()),
                            unchanged,
                            null)
                    .diff();
        } catch (ChangedSincePreview e) {
            return preview(
                    authority,
                    upload.kind(),
                    upload.replace(),
                    upload.csv(),
                    "The register changed after your preview: check what this upload now changes, then confirm again.");
        } catch (InvalidProblemException | RegisterErrors.Conflict e) {
            return preview(authority, upload.kind(), upload.replace(), upload.csv(), null);
        }
        RegisterDiff.Records<?> records = upload.kind() == Kind.PROVIDER ? diff.providers() : diff.children();
        String applied = records.added().size() + " added, " + records.changed().size() + " changed, "
                + records.removed().size() + " removed";
        return Response.seeOther(URI.create("/registers/" + authority + "/upload?applied="
                        + java.net.URLEncoder.encode(applied, StandardCharsets.UTF_8)))
                .build();
    }

    /** The register's version moved on after the preview: thrown under the lock, the change rolled back. */
    private static final class ChangedSincePreview extends RuntimeException {
        ChangedSincePreview() {
            super(null, null, false, false);
        }
    }

    private Response preview(String authority, Kind kind, boolean replace, String csv, String notice) {
        String list = kind == Kind.PROVIDER ? "providers" : "children";
        RegisterService.Applied worked;
        try {
            worked = registers.dryRun(authority, user.username(), importRows(kind, replace, csv));
        } catch (InvalidProblemException e) {
            return errors(authority, list, e.errors());
        } catch (RegisterErrors.Conflict e) {
            return errors(authority, list, e.errors());
        }
        RegisterDiff.Records<?> records = kind == Kind.PROVIDER
                ? worked.diff().providers()
                : worked.diff().children();
        List<PreviewRow> added = new ArrayList<>();
        records.added().stream().limit(LISTED).forEach(a -> added.add(new PreviewRow(idOf(a.value()), "")));
        List<PreviewRow> changed = new ArrayList<>();
        records.changed().stream()
                .limit(LISTED)
                .forEach(c -> changed.add(new PreviewRow(idOf(c.after()), String.join(", ", c.fields()))));
        List<PreviewRow> removed = new ArrayList<>();
        records.removed().stream().limit(LISTED).forEach(r -> removed.add(new PreviewRow(idOf(r), "")));
        long version = worked.register().version() - 1;
        Optional<String> kept = pending.keep(user.username(), authority, kind, replace, csv, version);
        if (kept.isEmpty()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(page(authority)
                            .data("list", list)
                            .data(
                                    "formErrors",
                                    List.of(new ProblemError(
                                            "#file",
                                            "Too many uploads are waiting to be confirmed just now: try again in a"
                                                    + " few minutes"))))
                    .build();
        }
        String id = kept.get();
        return Response.ok(page(authority)
                        .data("list", list)
                        .data("preview", id)
                        .data("notice", notice)
                        .data("replace", replace)
                        .data("addedCount", records.added().size())
                        .data("changedCount", records.changed().size())
                        .data("removedCount", records.removed().size())
                        .data("added", added)
                        .data("changed", changed)
                        .data("removed", removed)
                        .data("listed", LISTED))
                .build();
    }

    private Response errors(String authority, String list, List<ProblemError> errors) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(authority).data("list", list).data("csvErrors", errors))
                .build();
    }

    private TemplateInstance page(String authority) {
        return upload.data("authority", authority)
                .data("providerColumns", String.join(",", RegisterCsv.PROVIDER_COLUMNS))
                .data("childColumns", String.join(",", RegisterCsv.CHILD_COLUMNS));
    }

    private static ImportRows importRows(Kind kind, boolean replace, String csv) {
        return new ImportRows(
                kind, kind == Kind.PROVIDER ? RegisterCsv.providers(csv) : RegisterCsv.children(csv), replace);
    }

    private static String idOf(Object record) {
        return record instanceof ProviderInput p ? p.id() : ((ChildInput) record).id();
    }
}
