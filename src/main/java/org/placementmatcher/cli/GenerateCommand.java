package org.placementmatcher.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleOfstedList;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.data.Ssda903Sample;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code generate}: synthetic, calibrated sample data, one size to a file or every size to a folder. */
@Command(
        name = "generate",
        description = "Writes synthetic, calibrated sample data (deterministic for a seed: the same seed gives "
                + "byte-identical files).")
final class GenerateCommand implements Callable<Integer> {

    /** With --all, the county's synthetic SSDA903 file set goes to this folder of the output folder. */
    static final String SSDA903_FOLDER = "ssda903";

    @Mixin
    private HelpOption help;

    private final PrintStream err;

    /** Exactly one of: one size to a file, or every size to a folder. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "the random seed (default " + SampleDataGenerator.DEFAULT_SEED + ")")
    private long seed = SampleDataGenerator.DEFAULT_SEED;

    GenerateCommand(PrintStream err) {
        this.err = err;
    }

    static final class Target {
        @ArgGroup(exclusive = false)
        One one;

        @ArgGroup(exclusive = false)
        All all;
    }

    static final class One {
        @Option(
                names = "--size",
                required = true,
                paramLabel = "SIZE",
                converter = SizeName.class,
                completionCandidates = SizeName.class,
                description = "one of ${COMPLETION-CANDIDATES}")
        SampleSize size;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "the file to write")
        Path output;
    }

    static final class All {
        @Option(
                names = "--all",
                required = true,
                description = "every size kept under sample-data (all but national), each to its usual file name")
        boolean all;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the folder to write them to")
        Path dir;
    }

    @Override
    public Integer call() throws IOException {
        if (target.one != null) {
            write(target.one.size, target.one.output);
        } else {
            PostcodeDirectory postcodes = PostcodeDirectory.shipped();
            for (SampleSize size : SampleSize.values()) {
                if (!size.committed()) {
                    continue; // generated on demand only (--size)
                }
                PlacementProblem problem = write(size, target.all.dir.resolve(size.fileName()));
                if (size == SampleSize.COUNTY) {
                    Path folder = target.all.dir.resolve(SSDA903_FOLDER);
                    Files.createDirectories(folder);
                    for (Map.Entry<String, String> file : Ssda903Sample.files(
                                    problem, PostcodeDirectory.shipped(), seed)
                            .entrySet()) {
                        CommandFiles.writeAtomically(folder.resolve(file.getKey()), file.getValue());
                    }
                    err.printf(Locale.ROOT, "wrote %s: the county's SSDA903 file set%n", folder);
                }
                // The Ofsted-style list of the sample's homes, for the README's import path.
                Path list =
                        target.all.dir.resolve("ofsted").resolve(size.fileName().replace(".json", "-providers.csv"));
                Files.createDirectories(list.getParent());
                CommandFiles.writeAtomically(list, SampleOfstedList.csv(problem, postcodes));
                err.printf(Locale.ROOT, "wrote %s%n", list);
            }
        }
        return CommandLine.OK;
    }

    private PlacementProblem write(SampleSize size, Path file) throws IOException {
        PlacementProblem problem = SampleDataGenerator.generate(size, seed);
        CommandFiles.writeAtomically(file, SampleDataGenerator.toJson(problem));
        err.printf(
                Locale.ROOT,
                "wrote %s: %d children, %d providers%n",
                file,
                problem.children().size(),
                problem.providers().size());
        return problem;
    }

    /** A size by the name of its file ({@code county-1200} for {@code county-1200.json}). */
    static final class SizeName implements ITypeConverter<SampleSize>, Iterable<String> {

        @Override
        public SampleSize convert(String name) {
            return Arrays.stream(SampleSize.values())
                    .filter(size -> name(size).equals(name))
                    .findFirst()
                    .orElseThrow(() ->
                            new TypeConversionException("'" + name + "' is not one of " + String.join(", ", this)));
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(SampleSize.values()).map(SizeName::name).iterator();
        }

        private static String name(SampleSize size) {
            return size.fileName().substring(0, size.fileName().length() - ".json".length());
        }
    }
}
