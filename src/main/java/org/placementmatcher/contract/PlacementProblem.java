package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.placementmatcher.domain.OfstedJudgement;

/**
 * The engine's input, exactly as docs/contract.md section 1 writes it.
 * {@code adjoiningAuthorities} is this project's optional extension: authorities next to the home
 * authority, where an out-of-area placement needs a nominated officer rather than the Director.
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
        List<String> adjoiningAuthorities,
        OfstedJudgement minimumOfstedJudgement) {}
