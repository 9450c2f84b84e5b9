package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point in a JVM of its own: a command runs and exits with its code without starting
 * Quarkus, so without the database (the service would create its H2 file under the data directory).
 */
class MainTest {

    @TempDir
    Path dir;

    private record Exit(int code, String stderr) {}

    private Exit main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("PLACEMENT_DATA_DIR", dir.resolve("data").toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the command did not exit: " + String.join(" ", args));
        }
        return new Exit(process.exitValue(), Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void generateAndSolveRunAndExitWithoutStartingTheServiceOrItsDatabase() throws Exception {
        Exit generate = main("generate", "--size", "small", "--output", "small.json");
        Exit solve = main("solve", "--input", "small.json", "--output", "plan.json", "--seconds", "1");
        Exit usage = main("solve", "--input", "small.json", "--output", "plan.json", "--seconds", "0");

        assertThat(generate.code()).as(generate.stderr()).isZero();
        assertThat(solve.code()).as(solve.stderr()).isZero();
        assertThat(solve.stderr()).contains("construction ").contains("done in");
        assertThat(usage.code()).isEqualTo(CommandLine.INVALID);
        assertThat(dir.resolve("plan.json")).isNotEmptyFile();
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(generate.stderr() + solve.stderr()).doesNotContain("Quarkus").doesNotContain("Listening on");
    }
}
