package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ProblemFixtures;

class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void solvesAProblemAndWritesThePlanWithProgressOnStderr() throws IOException {
        Path input = write("in.json", ProblemFixtures.VALID);
        Path output = dir.resolve("plan.json");

        int exit = run("solve", "--input", input.toString(), "--output", output.toString(), "--seconds", "1");

        assertThat(exit).isZero();
        JsonNode plan = ContractJson.mapper().readTree(output.toFile());
        assertThat(plan.get("score").asText()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(plan.get("assignments")).extracting(a -> a.get("childId").asText()).containsExactly("C1", "C2");
        assertThat(plan.get("kpis").get("children").asInt()).isEqualTo(2);
        assertThat(stderr()).contains("best ").contains("done in");
    }

    static List<Arguments> invalidProblems() {
        return ProblemFixtures.invalidInputs().stream()
                .map(args -> Arguments.of(args.get()[0], args.get()[1], args.get()[2]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProblems")
    void invalidInputExitsTwoWithTheJsonPathAndWritesNothing(String what, String json, String path) throws IOException {
        Path input = write("bad.json", json);
        Path output = dir.resolve("plan.json");

        int exit = run("solve", "--input", input.toString(), "--output", output.toString(), "--seconds", "1");

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        JsonNode errors = ContractJson.mapper().readTree(stderr()).get("errors");
        assertThat(errors).extracting(e -> e.get("path").asText()).contains(path);
        assertThat(output).doesNotExist();
        assertThat(stderr()).doesNotContain("\tat ");
    }

    @Test
    void missingInputFileExitsOneWithAMessage() {
        int exit = run("solve", "--input", dir.resolve("nope.json").toString(), "--output", dir.resolve("o.json").toString());

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(stderr()).contains("input file not found").doesNotContain("\tat ");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("solve", "--input")).isEqualTo(CommandLine.INVALID);
        assertThat(run("solve", "--output", "x.json")).isEqualTo(CommandLine.INVALID);
        assertThat(run("solve", "--input", "a", "--output", "b", "--seconds", "soon")).isEqualTo(CommandLine.INVALID);
        assertThat(run("frobnicate")).isEqualTo(CommandLine.INVALID);
        assertThat(stderr()).contains("--input needs a value").contains("unknown command 'frobnicate'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
