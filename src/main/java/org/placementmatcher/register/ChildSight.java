package org.placementmatcher.register;

import java.util.List;
import java.util.Set;

/**
 * The ids of the children a user sees (null: every child), to filter what names children by id, and the
 * authorities whose children they are (null: every authority), to filter what is kept by authority. Worked out from
 * the user's {@link ChildScope} on the register as it stands ({@link RegisterSight#childSight}) or on a run's snapshot
 * ({@link RunSight#of(String, RunStore.Row)}).
 */
public record ChildSight(Set<String> ids, Set<String> authorities) {
    public static final ChildSight EVERY = new ChildSight(null, null);

    /** Whether the child is seen; true of no child (null or empty: an entry about no one child). */
    public boolean sees(String childId) {
        return ids == null || childId == null || childId.isEmpty() || ids.contains(childId);
    }

    List<AuditLog.Entry> only(List<AuditLog.Entry> entries) {
        return ids == null
                ? entries
                : entries.stream().filter(entry -> sees(entry.childId())).toList();
    }
}
