package org.placementmatcher.register;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProviderInput;

/**
 * Which children of a register a user sees and changes (contract section 8): all of them, or only those whose
 * responsible authority (default: the register's home authority) is one of {@link #authorities()}. A user holding
 * the register's own code (or {@code *}) sees all; a user of a shared register holding only some of its member
 * authorities sees their children. Providers are not scoped: every user of a register sees them, each naming only the
 * connected children the user sees.
 */
public record ChildScope(Set<String> authorities) {

    /** Every child: the register's own authority, {@code *}, and work done by the service itself. */
    public static final ChildScope ALL = new ChildScope(null);

    public ChildScope {
        authorities = authorities == null ? null : Set.copyOf(new TreeSet<>(authorities));
    }

    public boolean isAll() {
        return authorities == null;
    }

    /** Whether a child with this responsible authority (null: the register's home authority) is seen. */
    public boolean sees(String responsibleAuthority, String homeAuthority) {
        return isAll() || authorities.contains(responsibleAuthority == null ? homeAuthority : responsibleAuthority);
    }

    public boolean sees(ChildInput child, String homeAuthority) {
        return sees(child.responsibleAuthority(), homeAuthority);
    }

    /**
     * The problem with only the children seen, and the providers' connected children only those (the same problem when
     * all are seen).
     */
    public PlacementProblem of(PlacementProblem problem) {
        if (isAll()) {
            return problem;
        }
        List<ChildInput> seen = problem.children().stream()
                .filter(child -> sees(child, problem.homeAuthority()))
                .toList();
        Set<String> seenIds = seen.stream().map(ChildInput::id).collect(Collectors.toSet());
        List<ProviderInput> providers = problem.providers().stream()
                .map(provider -> provider.connectedChildren() == null
                        ? provider
                        : provider.withConnectedChildren(provider.connectedChildren().stream()
                                .filter(seenIds::contains)
                                .toList()))
                .toList();
        return with(problem, providers, seen);
    }

    /** The problem with these children in place of its own. */
    public static PlacementProblem withChildren(PlacementProblem problem, List<ChildInput> children) {
        return with(problem, problem.providers(), children);
    }

    private static PlacementProblem with(
            PlacementProblem problem, List<ProviderInput> providers, List<ChildInput> children) {
        return new PlacementProblem(
                problem.schemaVersion(),
                problem.name(),
                problem.referenceDate(),
                problem.homeAuthority(),
                problem.weights(),
                providers,
                children,
                problem.adjoiningAuthorities(),
                problem.minimumOfstedJudgement());
    }

    /** A key naming the scope, for caches of what a scope sees. */
    public String key() {
        return isAll() ? "*" : String.join(",", new TreeSet<>(authorities));
    }
}
