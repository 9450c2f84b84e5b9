package org.placementmatcher.register;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.placementmatcher.contract.ImportReport;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.ssda903.Ssda903Files;
import org.placementmatcher.data.ssda903.Ssda903Import;
import org.placementmatcher.data.ssda903.Ssda903Problems;

/**
 * An SSDA903 return as a register change ({@link Ssda903Import}), worked out once, under the lock, on the register as
 * it stands; it may make the authority's first register. Its problems refuse it whole ({@link FileImport.Refused}).
 */
final class Ssda903FileImport implements FileImport {

    private final Ssda903Files files;
    private final LocalDate referenceDate;
    private final PostcodeDirectory postcodes;
    /** The problems of reading the files, before the import's own. */
    private final Ssda903Problems reading;

    private ImportReport report;

    Ssda903FileImport(
            Ssda903Files files, LocalDate referenceDate, PostcodeDirectory postcodes, Ssda903Problems reading) {
        this.files = files;
        this.referenceDate = referenceDate;
        this.postcodes = postcodes;
        this.reading = reading;
    }

    @Override
    public void apply(WorkingRegister register) {
        Ssda903Problems problems = reading.copy();
        ObjectNode before = register.current() == null ? null : register.tree();
        Ssda903Import.Outcome outcome =
                Ssda903Import.run(files, referenceDate, register.authority(), before, postcodes, problems);
        report = outcome.result();
        if (outcome.refused()) {
            throw new Refused();
        }
        register.tree().removeAll();
        register.tree().setAll(outcome.register());
    }

    /** The import checks the register it makes itself, naming errors by the files' lines; any other by record id. */
    @Override
    public ErrorNaming naming() {
        return ErrorNaming.REGISTER;
    }

    @Override
    public boolean mayCreateRegister() {
        return true;
    }

    /** What the import adds and changes, what it leaves out, and its problems (once applied or refused). */
    ImportReport report() {
        return report;
    }
}
