package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.placementmatcher.data.postcode.PostcodeDirectory;

class PostcodeExtractCommandTest {

    /**
     * Cut from itself, the shipped extract comes out byte for byte: it holds every postcode it would take from
     * the full directory (the sample data's nearest, each square kilometre's first, the tests' own), so it is
     * up to date with the generator. Were the sample data to move, this fails until the extract is rebuilt.
     */
    @Test
    void theShippedExtractIsWhatTheCommandCutsAndIsUpToDate(@TempDir Path dir) throws Exception {
        Path shipped = dir.resolve("shipped.csv.gz");
        try (InputStream in = PostcodeDirectory.class.getResourceAsStream(PostcodeDirectory.SHIPPED)) {
            Files.write(shipped, in.readAllBytes());
        }
        Path output = dir.resolve("extract.csv.gz");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run("postcode-extract", "--from", shipped.toString(), "--output", output.toString());

        assertThat(exit).isEqualTo(CommandLine.OK);
        assertThat(Files.readAllBytes(output)).isEqualTo(Files.readAllBytes(shipped));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote " + output);
    }

    @Test
    void aMissingFileIsAFailureWithAMessage(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))
                .run("postcode-extract", "--from", dir.resolve("none.csv").toString(), "--output", "x.gz");

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the postcode directory");
    }
}
