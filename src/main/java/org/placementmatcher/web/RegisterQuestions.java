package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.domain.Child;
import org.placementmatcher.matching.Caseload;
import org.placementmatcher.matching.MatchResult;
import org.placementmatcher.matching.MatchService;
import org.placementmatcher.register.AccessLog;
import org.placementmatcher.register.ChildSight;
import org.placementmatcher.register.Database;
import org.placementmatcher.register.RegisterService;
import org.placementmatcher.register.RegisterSight;
import org.placementmatcher.security.ApprovalPolicy;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * The match and emergency questions the find-a-placement and emergency pages ask of a register, in one place:
 * who may ask (OFFICER, contract section 6), which children travel together, the reads recorded in the access
 * log, and the answer page.
 */
@ApplicationScoped
public class RegisterQuestions {

    private final Template result;
    private final RegisterService registers;
    private final RegisterSight registerSight;
    private final CurrentUser user;
    private final Database db;
    private final Clock clock;

    public RegisterQuestions(
            @Location("web/find/result.html") Template result,
            RegisterService registers,
            RegisterSight registerSight,
            CurrentUser user,
            Database db,
            Clock clock) {
        this.result = result;
        this.registers = registers;
        this.registerSight = registerSight;
        this.user = user;
        this.db = db;
        this.clock = clock;
    }

    /** Asking needs OFFICER; a VIEWER sees the pages, not the answers. */
    void requireToAsk() {
        if (!user.has(Role.OFFICER)) {
            throw new ApprovalPolicy.NotPermitted("asking for placement options needs the role OFFICER");
        }
    }

    /**
     * The answer page for a child on the register and, for a placeTogether group, all its siblings (a sibling
     * group travels together); null when the register has no child of that reference.
     */
    TemplateInstance ask(String authority, String childId, boolean emergency) {
        Caseload caseload = registers.caseload(authority);
        Child child = childId.isEmpty() ? null : caseload.child(childId);
        if (child == null) {
            return null;
        }
        List<String> unit = MatchService.travelsWith(caseload, child).stream()
                .map(Child::getId)
                .toList();
        ChildSight seen = registerSight.childSight(authority);
        if (!unit.stream().allMatch(seen::sees)) {
            return null; // another authority's child of a shared register (contract section 8): as if not there
        }
        MatchResult answer = MatchService.match(caseload, unit, MatchService.DEFAULT_LIMIT, emergency);
        AccessLog.recordReads(
                db, authority, user.username(), AccessLog.Kind.CHILD_RECORD, answer.childIds(), clock.instant());
        List<ChildInput> inputs = registers.get(authority).problem().children().stream()
                .filter(c -> answer.childIds().contains(c.id()))
                .toList();
        String who = answer.childIds().size() == 1
                ? "child " + answer.childIds().getFirst()
                : "sibling group " + String.join(", ", answer.childIds());
        return page(authority, answer, caseload, inputs, (emergency ? "Tonight: " : "Options for ") + who);
    }

    /** The answer page of a question already answered (e.g. a typed referral's). */
    TemplateInstance page(
            String authority, MatchResult answer, Caseload caseload, List<ChildInput> inputs, String heading) {
        return result.data("authority", authority)
                .data("heading", heading)
                .data("view", MatchView.of(answer, caseload, inputs));
    }
}
