package org.placementmatcher.register;

/**
 * A file of council data as a register change (an Ofsted provider list, an SSDA903 return): applied to the
 * register as it stands, under the authority's lock, in the transaction that writes and audits it.
 */
public interface FileImport {

    /** Works the file's rows out on the register; throws to refuse the import whole. */
    void apply(WorkingRegister register);

    /** How the contract's errors of the register it makes are named (by the file's lines). */
    ErrorNaming naming();

    /** Whether the import may make the authority's first register (an SSDA903 return may; an Ofsted list may not). */
    default boolean mayCreateRegister() {
        return false;
    }

    /**
     * Thrown from {@link #apply} when the import has problems: the transaction is rolled back, nothing is kept, and
     * the import's own report answers (400, or 200 for a dry run).
     */
    final class Refused extends RuntimeException {
        public Refused() {
            super(null, null, false, false);
        }
    }
}
