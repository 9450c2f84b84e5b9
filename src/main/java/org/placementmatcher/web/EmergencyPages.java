package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Emergency: "who can take this child tonight?" for a child on the register ({@code emergency?child=ID}, the
 * register emergency query) or a new referral typed in (POST), the child treated as an EMERGENCY needed today, as
 * {@code /api/emergency} does. A referral is asked about with the register as it is plus the referral, which is
 * not saved. Seeing the form needs VIEWER; asking needs OFFICER (contract section 6).
 */
@Path("/registers/{authority}/emergency")
@RolesAllowed(Role.VIEWER_NAME)
public class EmergencyPages {

    private final Template form;
    private final RegisterQuestions questions;
    private final RegisterService registers;
    private final CurrentUser user;

    public EmergencyPages(
            @Location("web/find/emergency.html") Template form,
            RegisterQuestions questions,
            RegisterService registers,
            CurrentUser user) {
        this.form = form;
        this.questions = questions;
        this.registers = registers;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response emergency(@PathParam("authority") String authority, @QueryParam("child") String child) {
        registers.get(authority);
        if (child == null || child.isBlank()) {
            return FindPages.html(200, formPage(authority, "", Referral.empty(), List.of()));
        }
        questions.requireToAsk();
        String id = child.strip();
        TemplateInstance answer = questions.ask(authority, id, true);
        if (answer == null) {
            return FindPages.html(
                    400,
                    formPage(
                            authority,
                            id,
                            Referral.empty(),
                            List.of(new FieldError(
                                    "child", "There is no child with the reference " + id + " on this register"))));
        }
        return FindPages.html(200, answer);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response referral(
            @PathParam("authority") String authority,
            @FormParam("reference") String reference,
            @FormParam("dob-day") String dobDay,
            @FormParam("dob-month") String dobMonth,
            @FormParam("dob-year") String dobYear,
            @FormParam("gender") String gender,
            @FormParam("home-postcode") String homePostcode,
            @FormParam("home-lat") String homeLat,
            @FormParam("home-lon") String homeLon,
            @FormParam("school-postcode") String schoolPostcode,
            @FormParam("school-lat") String schoolLat,
            @FormParam("school-lon") String schoolLon,
            @FormParam("needs") List<String> needs,
            @FormParam("languages") String languages,
            @FormParam("religion") String religion) {
        Referral referral = new Referral(
                reference,
                dobDay,
                dobMonth,
                dobYear,
                gender,
                homePostcode,
                homeLat,
                homeLon,
                schoolPostcode,
                schoolLat,
                schoolLon,
                needs == null ? List.of() : needs,
                languages,
                religion);
        // Every child of a shared register occupies its place, whoever asks; the answer names only places.
        PlacementProblem register = registers.whole(authority).problem();
        ChildInput child;
        try {
            child = referral.toChild(register);
        } catch (Referral.Invalid invalid) {
            return FindPages.html(400, formPage(authority, "", referral, invalid.errors));
        }
        List<ChildInput> children = new ArrayList<>(register.children());
        children.add(child);
        PlacementProblem withReferral = new PlacementProblem(
                register.schemaVersion(),
                register.name(),
                register.referenceDate(),
                register.homeAuthority(),
                register.weights(),
                register.providers(),
                children,
                register.adjoiningAuthorities(),
                register.minimumOfstedJudgement());
        Caseload caseload = Caseload.of(withReferral);
        MatchResult answer = MatchService.match(caseload, List.of(child.id()), MatchService.DEFAULT_LIMIT, true);
        return FindPages.html(
                200,
                questions.page(authority, answer, caseload, List.of(child), "Tonight: new referral " + child.id()));
    }

    private TemplateInstance formPage(String authority, String child, Referral referral, List<FieldError> errors) {
        return form.data("authority", authority)
                .data("child", child)
                .data("referral", referral)
                .data(
                        "needs",
                        Referral.NEEDS.stream()
                                .map(code -> new Need(
                                        code, Words.code(code), referral.needs().contains(code)))
                                .toList())
                .data("errors", errors)
                .data("error", new ErrorLookup(errors))
                .data("mayAsk", user.has(Role.OFFICER));
    }

    /** A need's checkbox. */
    @io.quarkus.qute.TemplateData
    public record Need(String code, String words, boolean checked) {}

    /** The error of one field, for the template ({@code error.of('home-lat')}), or null. */
    @io.quarkus.qute.TemplateData
    public record ErrorLookup(List<FieldError> errors) {
        public String of(String field) {
            return errors.stream()
                    .filter(e -> e.field().equals(field))
                    .map(FieldError::message)
                    .findFirst()
                    .orElse(null);
        }
    }
}
