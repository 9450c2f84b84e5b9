package org.placementmatcher.data;

import java.util.List;
import java.util.function.Predicate;

/**
 * A placement unit: one child, or a whole placeTogether sibling group (which moves as one). The working model's own,
 * over {@link DraftChild}ren; the engine's is {@link org.placementmatcher.domain.PlacementUnit}.
 */
record DraftUnit(List<DraftChild> kids) {
    DraftChild first() {
        return kids.getFirst();
    }

    int size() {
        return kids.size();
    }

    int minAge() {
        return kids.stream().mapToInt(k -> k.age).min().orElseThrow();
    }

    int maxAge() {
        return kids.stream().mapToInt(k -> k.age).max().orElseThrow();
    }

    boolean needs(String code) {
        return kids.stream().anyMatch(k -> k.needs.contains(code));
    }

    boolean any(Predicate<DraftChild> test) {
        return kids.stream().anyMatch(test);
    }
}
