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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.register.AccessLog;
import org.placementmatcher.register.Database;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * Find a placement: {@code /registers/{authority}/find} lists the children waiting (a placeTogether sibling group
 * as one row), searchable and paged; {@code find?child=ID} (or the same as a POSTed form) asks the register match
 * of contract section 5 for that child, or its whole sibling group, and shows the options and exclusions in words.
 * Anyone who may read the register sees who is waiting; asking needs OFFICER (contract section 6).
 */
@Path("/registers/{authority}/find")
@RolesAllowed(Role.VIEWER_NAME)
public class FindPages {

    static final int PAGE_SIZE = 50;

    private final Template choose;
    private final RegisterQuestions questions;
    private final RegisterService registers;
    private final CurrentUser user;
    private final Database db;
    private final Clock clock;

    public FindPages(
            @Location("web/find/choose.html") Template choose,
            RegisterQuestions questions,
            RegisterService registers,
            CurrentUser user,
            Database db,
            Clock clock) {
        this.choose = choose;
        this.questions = questions;
        this.registers = registers;
        this.user = user;
        this.db = db;
        this.clock = clock;
    }

    /** One row of the waiting list: a child, or a sibling group that travels together. */
    @io.quarkus.qute.TemplateData
    public record WaitingUnit(String childId, String members, String urgency, String neededBy, String needs) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response find(
            @PathParam("authority") String authority,
            @QueryParam("child") String child,
            @QueryParam("q") String search,
            @QueryParam("page") Integer page) {
        if (child == null || child.isBlank()) {
            return html(200, chooser(authority, search, page, null, null));
        }
        questions.requireToAsk();
        return ask(authority, child.strip(), search, page);
    }

    @POST
    @RolesAllowed(Role.OFFICER_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response findPosted(@PathParam("authority") String authority, @FormParam("child") String child) {
        return ask(authority, child == null ? "" : child.strip(), null, null);
    }

    private Response ask(String authority, String childId, String search, Integer page) {
        TemplateInstance answer = questions.ask(authority, childId, false);
        if (answer == null) {
            String message = childId.isEmpty()
                    ? "Enter the reference of a child on the register"
                    : "There is no child with the reference " + childId + " on this register";
            return html(400, chooser(authority, search, page, childId, message));
        }
        return html(200, answer);
    }

    private TemplateInstance chooser(String authority, String search, Integer page, String child, String error) {
        PlacementProblem problem = registers.get(authority).problem();
        String query = search == null ? "" : search.strip();
        List<WaitingUnit> units = waiting(problem, query.toUpperCase(Locale.ROOT));
        int pages = Math.max(1, (units.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = page == null ? 1 : Math.min(Math.max(page, 1), pages);
        List<WaitingUnit> shown = units.subList((current - 1) * PAGE_SIZE, Math.min(units.size(), current * PAGE_SIZE));
        if (!shown.isEmpty()) {
            AccessLog.recordReads(
                    db, authority, user.username(), AccessLog.Kind.ALL_CHILDREN, List.of(""), clock.instant());
        }
        return choose.data("authority", authority)
                .data("units", shown)
                .data("total", units.size())
                .data("q", query)
                .data("qEncoded", java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .data("prev", current - 1)
                .data("next", current + 1)
                .data("page", current)
                .data("pages", pages)
                .data("child", child == null ? "" : child)
                .data("error", error)
                .data("errors", error == null ? List.of() : List.of(new FieldError("child", error)))
                .data("mayAsk", user.has(Role.OFFICER));
    }

    /** The children waiting or whose placement is ending, most urgent and soonest needed first. */
    static List<WaitingUnit> waiting(PlacementProblem problem, String search) {
        Map<String, List<ChildInput>> units = new LinkedHashMap<>();
        for (ChildInput child : problem.children()) {
            if (child.currentPlacement() != null && !Boolean.TRUE.equals(child.needsMove())) {
                continue;
            }
            String key = child.siblingGroup() != null && child.placeTogetherOrDefault()
                    ? "group:" + child.siblingGroup()
                    : "child:" + child.id();
            units.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
        }
        List<List<ChildInput>> matching = new ArrayList<>();
        for (List<ChildInput> unit : units.values()) {
            if (search.isEmpty()
                    || unit.stream()
                            .anyMatch(c -> c.id().toUpperCase(Locale.ROOT).contains(search)
                                    || c.siblingGroup() != null
                                            && c.siblingGroup()
                                                    .toUpperCase(Locale.ROOT)
                                                    .contains(search))) {
                matching.add(unit);
            }
        }
        matching.sort(Comparator.comparing((List<ChildInput> u) -> u.getFirst().urgency())
                .thenComparing(u -> neededBy(problem, u.getFirst()))
                .thenComparing(u -> u.getFirst().id()));
        List<WaitingUnit> rows = new ArrayList<>(matching.size());
        for (List<ChildInput> unit : matching) {
            ChildInput first = unit.getFirst();
            rows.add(new WaitingUnit(
                    first.id(),
                    String.join(", ", unit.stream().map(ChildInput::id).toList()),
                    Words.urgencyCode(first.urgency().name()),
                    neededBy(problem, first).toString(),
                    unit.stream().allMatch(c -> c.needs() == null || c.needs().isEmpty())
                            ? "none recorded"
                            : String.join(
                                    ", ",
                                    Words.codes(unit.stream()
                                            .flatMap(c -> c.needs() == null
                                                    ? java.util.stream.Stream.empty()
                                                    : c.needs().stream())
                                            .distinct()
                                            .toList()))));
        }
        return rows;
    }

    private static java.time.LocalDate neededBy(PlacementProblem problem, ChildInput child) {
        return child.neededBy() == null ? problem.referenceDate() : child.neededBy();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
