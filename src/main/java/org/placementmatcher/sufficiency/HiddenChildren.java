package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.RecordPaths;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.RunSight;

/**
 * The children of a shared register that the user starting a scenarios job does not see (contract section 8), as
 * the job works on them. Each is renamed to an internal id that nothing in the request names, and so is each of
 * their sibling groups that none of the user's children belongs to; the providers' connected children follow. So a
 * scenario may give an added child any id or sibling group another authority's child has and is answered as for a
 * fresh one, and a scenario naming another authority's child (an added provider's connected child) meets the
 * validator's own unknown child id. The user's children come first in the register a scenario is checked against, so
 * an error names one of the register's children by its place in the register as the user sees it, and a sibling group
 * shared with another authority's children by one of the user's; an error naming another authority's child (which
 * only a register invalid as stored could give) names it {@value RunSight#ANOTHER_CHILD}. The problems solved keep
 * the register's order, and their plans the internal ids: each read names the children by their register ids
 * ({@link #registerId}) for who may see them.
 */
final class HiddenChildren {

    /** The user sees every child: nothing is renamed. */
    static final HiddenChildren NONE = new HiddenChildren("", Map.of(), Map.of(), 0, new int[0]);

    private static final String CHILD = "child-";
    private static final String GROUP = "group-";
    /** How another authority's sibling group is named in an error shown to a user who does not see it. */
    private static final String ANOTHER_GROUP = "of another authority";
    /** A text of the form {@code ~N:}, with its number, anywhere in a text. */
    private static final Pattern PREFIX = Pattern.compile("~(\\d+):");

    private final String prefix;
    /** The register id of each hidden child, by its internal id. */
    private final Map<String, String> registerIdByInternal;
    /** The internal id of each hidden child, by its register id. */
    private final Map<String, String> internalByRegisterId;
    /** How many of the register's children the user sees: they come first in the register as checked. */
    private final int seen;
    /** The register's index of each child of the register as checked, by its index there. */
    private final int[] registerIndex;

    private HiddenChildren(
            String prefix,
            Map<String, String> registerIdByInternal,
            Map<String, String> internalByRegisterId,
            int seen,
            int[] registerIndex) {
        this.prefix = prefix;
        this.registerIdByInternal = registerIdByInternal;
        this.internalByRegisterId = internalByRegisterId;
        this.seen = seen;
        this.registerIndex = registerIndex;
    }

    /** The register's children a user with this scope does not see, renamed to ids nothing in the request names. */
    static HiddenChildren of(ChildScope scope, PlacementProblem register, JsonNode request) {
        Set<String> unseen = JobSight.unseen(scope, register);
        if (unseen.isEmpty()) {
            return NONE;
        }
        Set<String> named = new HashSet<>();
        collectText(request, named);
        for (ChildInput child : register.children()) {
            if (!unseen.contains(child.id())) {
                named.add(child.id());
                if (child.siblingGroup() != null) {
                    named.add(child.siblingGroup());
                }
            }
        }
        String prefix = prefixNamingNone(named);
        Map<String, String> registerIdByInternal = new HashMap<>();
        Map<String, String> internalByRegisterId = new HashMap<>();
        int[] registerIndex = new int[register.children().size()];
        int at = 0;
        for (int i = 0; i < register.children().size(); i++) {
            if (!unseen.contains(register.children().get(i).id())) {
                registerIndex[at++] = i;
            }
        }
        int seen = at;
        for (int i = 0; i < register.children().size(); i++) {
            String id = register.children().get(i).id();
            if (unseen.contains(id)) {
                String internal = prefix + CHILD + (at - seen + 1);
                registerIdByInternal.put(internal, id);
                internalByRegisterId.put(id, internal);
                registerIndex[at++] = i;
            }
        }
        return new HiddenChildren(prefix, registerIdByInternal, internalByRegisterId, seen, registerIndex);
    }

    /** Every text of the request, its field names too (a message or path may repeat either). */
    private static void collectText(JsonNode node, Set<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.forEach(value -> collectText(value, texts));
    }

    /**
     * The first prefix {@code ~N:} none of the texts holds anywhere: so an id made with it is in a message only when
     * the job put it there, never inside what the user wrote.
     */
    private static String prefixNamingNone(Set<String> texts) {
        Set<Integer> taken = new HashSet<>();
        for (String text : texts) {
            Matcher m = PREFIX.matcher(text);
            while (m.find()) {
                if (m.group(1).length() <= 9) {
                    taken.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        int n = 1;
        while (taken.contains(n)) {
            n++;
        }
        return "~" + n + ":";
    }

    boolean none() {
        return registerIdByInternal.isEmpty();
    }

    /**
     * The register as a scenario is checked against: its children the user sees first, in the register's order, then
     * the others, renamed, with their own sibling groups; the providers' connected children named as the children are.
     */
    ObjectNode tree(PlacementProblem register) {
        ObjectNode tree = ContractJson.mapper().valueToTree(register);
        if (none()) {
            return tree;
        }
        ArrayNode children = tree.withArray("children");
        Set<String> seenGroups = new HashSet<>();
        for (int i = 0; i < seen; i++) {
            seenGroups.add(children.get(registerIndex[i]).path("siblingGroup").asText(null));
        }
        Map<String, String> groups = new HashMap<>();
        ArrayNode checked = tree.arrayNode();
        for (int index : registerIndex) {
            ObjectNode child = (ObjectNode) children.get(index);
            String id = child.path("id").asText();
            if (internalByRegisterId.containsKey(id)) {
                child.put("id", internalByRegisterId.get(id));
                String group = child.path("siblingGroup").asText(null);
                if (group != null && !seenGroups.contains(group)) {
                    child.put("siblingGroup", groups.computeIfAbsent(group, g -> prefix + GROUP + (groups.size() + 1)));
                }
            }
            checked.add(child);
        }
        tree.set("children", checked);
        for (JsonNode provider : tree.path("providers")) {
            if (provider.get("connectedChildren") instanceof ArrayNode connected) {
                for (int j = 0; j < connected.size(); j++) {
                    String internal = internalByRegisterId.get(connected.get(j).asText());
                    if (internal != null) {
                        connected.set(j, TextNode.valueOf(internal));
                    }
                }
            }
        }
        return tree;
    }

    /** A problem read from {@link #tree} (and any children appended), with the register's children in its order. */
    PlacementProblem inRegisterOrder(PlacementProblem checked) {
        if (none()) {
            return checked;
        }
        ChildInput[] ordered = checked.children().toArray(ChildInput[]::new);
        for (int i = 0; i < registerIndex.length; i++) {
            ordered[registerIndex[i]] = checked.children().get(i);
        }
        return ChildScope.withChildren(checked, Arrays.asList(ordered));
    }

    /**
     * Where an error names a record of the register as checked (read at {@code root}): one of the user's children by
     * its place in the register as the user sees it, another authority's as {@value RunSight#ANOTHER_CHILD}.
     */
    RecordPaths registerPaths(String root) {
        RecordPaths at = RecordPaths.at(root);
        return RecordPaths.of(
                root,
                at::provider,
                index -> none() || index < seen ? at.child(index) : root + ".children[" + RunSight.ANOTHER_CHILD + "]");
    }

    /** How many of the register's children the user sees: they come first in the register as checked. */
    int seen() {
        return seen;
    }

    /**
     * A scenario's problem as the user sees it: the problem made from {@link #tree} (its register children first, then
     * the scenario's), without the children the user does not see, nor the providers' links to them. A scenario is
     * checked on this, so no error tells anything of another authority's children (e.g. a foster carer's places
     * exceeding the fostering limit only because of the children placed there).
     */
    ObjectNode view(ObjectNode scenario) {
        ObjectNode view = scenario.deepCopy();
        if (none()) {
            return view;
        }
        ArrayNode children = view.withArray("children");
        for (int i = seen; i < registerIndex.length; i++) {
            children.remove(seen);
        }
        for (JsonNode provider : view.path("providers")) {
            if (provider.get("connectedChildren") instanceof ArrayNode connected) {
                for (int j = connected.size() - 1; j >= 0; j--) {
                    if (registerIdByInternal.containsKey(connected.get(j).asText())) {
                        connected.remove(j);
                    }
                }
            }
        }
        return view;
    }

    /**
     * The scenario's whole problem from its {@link #view}, checked (so its added locations are resolved), and the
     * scenario's problem it was made from: the children the user does not see put back, and the providers' links to
     * them. It is not checked again: each of its records was (the register's when stored, the scenario's in the view);
     * a rule it may break only across authorities, the fostering limit, is kept by the solver (H14).
     */
    ObjectNode whole(ObjectNode view, ObjectNode scenario) {
        ObjectNode whole = view.deepCopy();
        if (none()) {
            return whole;
        }
        ArrayNode children = whole.withArray("children");
        for (int i = registerIndex.length - 1; i >= seen; i--) {
            children.insert(seen, scenario.withArray("children").get(i).deepCopy());
        }
        ArrayNode providers = whole.withArray("providers");
        ArrayNode linked = scenario.withArray("providers");
        for (int i = 0; i < providers.size() && i < linked.size(); i++) {
            JsonNode connected = linked.get(i).get("connectedChildren");
            if (connected != null && providers.get(i) instanceof ObjectNode provider) {
                provider.set("connectedChildren", connected.deepCopy());
            }
        }
        return whole;
    }

    /**
     * The errors with the internal ids of the register's children the user does not see, and of their sibling groups,
     * left unnamed. Nothing the user wrote holds such an id ({@link #prefixNamingNone}), so only the register's own
     * records (a register invalid as stored) can give one.
     */
    List<ProblemError> unnamed(List<ProblemError> errors) {
        if (none()) {
            return errors;
        }
        Set<String> groups = new HashSet<>();
        for (int k = 1; k <= registerIdByInternal.size(); k++) {
            groups.add(prefix + GROUP + k);
        }
        List<ProblemError> said = new ArrayList<>(errors.size());
        for (ProblemError error : errors) {
            said.add(new ProblemError(unnamed(error.path(), groups), unnamed(error.message(), groups)));
        }
        return said;
    }

    private String unnamed(String text, Set<String> groups) {
        return RunSight.unnamed(
                RunSight.unnamed(text, registerIdByInternal.keySet(), RunSight.ANOTHER_CHILD), groups, ANOTHER_GROUP);
    }

    /**
     * Which of a job's children a reader is shown: a register child it sees (by its register id, renamed or not) and
     * every child a scenario added, even one whose id is that of a register child renamed for the job.
     *
     * @param unseen the register ids of the children the reader does not see
     */
    Predicate<String> shown(Set<String> unseen) {
        return id -> {
            String renamed = registerIdByInternal.get(id);
            if (renamed != null) {
                return !unseen.contains(renamed);
            }
            return !unseen.contains(id) || internalByRegisterId.containsKey(id);
        };
    }

    /** The register id of a child of the job (the same id but for a child the job renamed). */
    String registerId(String id) {
        return registerIdByInternal.getOrDefault(id, id);
    }
}
