package org.placementmatcher.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.register.RegisterDiff.Changed;
import org.placementmatcher.register.RegisterDiff.Indexed;
import org.placementmatcher.register.RegisterDiff.Records;

class RegisterDiffTest {

    record Item(String id, String colour, Integer size) {}

    private static Records<Item> diff(List<Item> before, List<Item> after) {
        return RegisterDiff.records(before, after, Item::id);
    }

    @Test
    void anAddedRecordIsAddedAtItsPlace() {
        Records<Item> records =
                diff(List.of(new Item("A", "red", 1)), List.of(new Item("B", "blue", 2), new Item("A", "red", 1)));
        assertThat(records.added()).containsExactly(new Indexed<>(0, new Item("B", "blue", 2)));
        assertThat(records.changed()).isEmpty();
        assertThat(records.removed()).isEmpty();
        // A is unchanged but now second: only its place is rewritten.
        assertThat(records.moved()).containsExactly(new Indexed<>(1, new Item("A", "red", 1)));
    }

    @Test
    void removedRecordsAreListedByIdWhateverTheirPlace() {
        Records<Item> records = diff(
                List.of(new Item("C", "red", 1), new Item("A", "red", 1), new Item("B", "red", 1)),
                List.of(new Item("B", "red", 1)));
        assertThat(records.removed()).extracting(Item::id).containsExactly("A", "C");
        assertThat(records.added()).isEmpty();
        assertThat(records.changed()).isEmpty();
        assertThat(records.moved()).containsExactly(new Indexed<>(0, new Item("B", "red", 1)));
    }

    @Test
    void aChangedRecordNamesTheFieldsThatDifferIncludingOnesAddedOrDropped() {
        Item before = new Item("A", "red", 1);
        Item after = new Item("A", "green", null);
        Records<Item> records = diff(List.of(before, new Item("B", "red", 1)), List.of(after, new Item("B", "red", 1)));
        assertThat(records.changed()).containsExactly(new Changed<>(0, before, after, List.of("colour", "size")));
        assertThat(records.added()).isEmpty();
        assertThat(records.moved()).isEmpty();
        assertThat(records.removed()).isEmpty();
        assertThat(records.rewritten()).containsExactly(new Indexed<>(0, after));
    }

    @Test
    void anUnchangedListHasNoDifferences() {
        List<Item> items = List.of(new Item("A", "red", 1), new Item("B", "blue", 2));
        Records<Item> records = diff(items, List.of(new Item("A", "red", 1), new Item("B", "blue", 2)));
        assertThat(records.isEmpty()).isTrue();
        assertThat(records.rewritten()).isEmpty();
    }

    @Test
    void aReorderedListRewritesOnlyTheRecordsThatMovedInListOrder() {
        Item a = new Item("A", "red", 1);
        Item b = new Item("B", "red", 1);
        Item c = new Item("C", "red", 1);
        Item changedC = new Item("C", "blue", 1);
        Records<Item> records = diff(List.of(a, b, c), List.of(changedC, b, a));
        assertThat(records.changed()).extracting(Changed::order).containsExactly(0);
        assertThat(records.moved()).containsExactly(new Indexed<>(2, a));
        assertThat(records.rewritten()).containsExactly(new Indexed<>(0, changedC), new Indexed<>(2, a));
    }

    @Test
    void aNewRegisterAddsEverythingAndItsOwnFieldsAndAChangedNameIsAFieldChange() throws Exception {
        PlacementProblem problem = RegisterFixtures.problem(ProblemFixtures.VALID);
        RegisterDiff created = RegisterDiff.between(null, problem);
        assertThat(created.fieldsChanged()).isTrue();
        assertThat(created.providers().added()).hasSize(problem.providers().size());
        assertThat(created.children().added()).hasSize(problem.children().size());

        assertThat(RegisterDiff.between(problem, problem).fieldsChanged()).isFalse();
        assertThat(RegisterDiff.between(problem, problem).providers().isEmpty()).isTrue();
        PlacementProblem renamed = new PlacementProblem(
                problem.schemaVersion(),
                "another name",
                problem.referenceDate(),
                problem.homeAuthority(),
                problem.weights(),
                problem.providers(),
                problem.children(),
                problem.adjoiningAuthorities(),
                problem.minimumOfstedJudgement());
        RegisterDiff rename = RegisterDiff.between(problem, renamed);
        assertThat(rename.fieldsChanged()).isTrue();
        assertThat(rename.children().isEmpty()).isTrue();
    }
}
