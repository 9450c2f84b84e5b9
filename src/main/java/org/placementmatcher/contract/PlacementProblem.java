package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.OfstedJudgement;

/**
 * The engine's input, exactly as docs/contract.md section 1 writes it.
 * {@code adjoiningAuthorities} (optional; section 8 and this project's extension): the authorities adjoining the home
 * authority (a list) or adjoining each authority (an object), where an out-of-area placement needs a nominated
 * officer rather than the Director ({@link AdjoiningAuthorities}).
 * {@code minimumOfstedJudgement} (section 9, optional): the lowest Ofsted judgement the council accepts for a new
 * placement; a provider judged below it takes no new child (H15).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementProblem(
        Integer schemaVersion,
        String name,
        LocalDate referenceDate,
        String homeAuthority,
        Map<String, Long> weights,
        List<ProviderInput> providers,
        List<ChildInput> children,
        AdjoiningAuthorities adjoiningAuthorities,
        OfstedJudgement minimumOfstedJudgement) {

    /** The codes adjoining {@code authority} by {@code adjoiningAuthorities} (none when it is absent). */
    public Set<String> adjoiningTo(String authority) {
        return adjoiningAuthorities == null ? Set.of() : adjoiningAuthorities.adjoining(authority, homeAuthority);
    }
}
