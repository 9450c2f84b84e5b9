package org.placementmatcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.placementmatcher.data.SamplePostcodeExtract;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code postcode-extract}: the small postcode extract the project ships, cut from a full ONSPD file. */
@Command(
        name = "postcode-extract",
        description = "Writes the postcode extract the sample data and tests need (gzip CSV), from an ONS Postcode "
                + "Directory file (README \"Postcodes\").")
final class PostcodeExtractCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    private final PrintStream err;

    @Option(names = "--from", required = true, paramLabel = "ONSPD", description = "the ONSPD file (CSV or gzip)")
    private Path from;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "the extract to write")
    private Path output;

    PostcodeExtractCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        PostcodeDirectory full = PostcodeDirectory.of(from);
        List<ResolvedPostcode> extract = SamplePostcodeExtract.select(full);
        byte[] gzip = SamplePostcodeExtract.gzipCsv(extract);
        Files.write(output, gzip);
        err.printf(
                Locale.ROOT,
                "wrote %s: %d of %d postcodes, %d bytes%n",
                output,
                extract.size(),
                full.size(),
                gzip.length);
        return CommandLine.OK;
    }
}
