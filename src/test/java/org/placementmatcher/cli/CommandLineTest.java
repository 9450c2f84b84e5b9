package org.placementmatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.ProblemFixtures;

class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The problem solved by {@code solve} in that many seconds, exit 0: the plan file written. */
    private File solved(String problem, int seconds) throws IOException {
        Path input = write("in.json", problem);
        Path output = dir.resolve("plan.json");

        int exit = run("solve", "--input", input.toString(), "--output", output.toString(), "--seconds", "" + seconds);

        assertThat(exit).isZero();
        return output.toFile();
    }

    @Test
    void solvesAProblemAndWritesThePlanWithProgressOnStderr() throws IOException {
        JsonNode plan = ContractJson.mapper().readTree(solved(ProblemFixtures.VALID, 1));
        // The problem has no name: the plan still has the key (contract section 4), as null.
        assertThat(plan.has("name")).isTrue();
        assertThat(plan.get("name").isNull()).isTrue();
        assertThat(plan.get("score").asText()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(plan.get("assignments"))
                .extracting(a -> a.get("childId").asText())
                .containsExactly("C1", "C2");
        assertThat(plan.get("kpis").get("children").asInt()).isEqualTo(2);
        assertThat(stderr())
                .contains("solving 2 children")
                .containsPattern("of 1 s] construction ")
                .contains("feasible")
                .contains("done in");
    }

    /** A child both pinned and needsMove solves (exit 0, not 2): it stays, and the plan breaks H13 for it. */
    @Test
    void aChildPinnedAndNeedingAMoveSolvesAndStaysWithOneHardPoint() throws IOException {
        PlacementPlan plan =
                ContractJson.mapper().readValue(solved(ProblemFixtures.PINNED_AND_MOVING, 1), PlacementPlan.class);
        assertThat(plan.score()).isEqualTo("-1hard/0medium/-800soft");
        assertThat(plan.feasible()).isFalse();
        assertThat(plan.assignments())
                .containsExactly(new Assignment("C1", "P1", false), new Assignment("C2", "P1", false));
    }

    @Test
    void theSummaryCarriesThePlansProofInWordsAndThePlanItsBound() throws IOException {
        PlacementPlan plan = ContractJson.mapper().readValue(solved(ProblemFixtures.VALID, 4), PlacementPlan.class);
        assertThat(plan.bestBound()).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(HardMediumSoftScore.parseScore(plan.score()))
                .isLessThanOrEqualTo(HardMediumSoftScore.parseScore(plan.bestBound()));
        assertThat(stderr())
                .containsPattern(
                        "(Proven to be the best possible plan|At most \\d+\\.\\d\\d% from the best possible plan)"
                                + " \\(best bound -?\\d+hard/");
    }

    @Test
    void aPlanWithoutABoundSaysSo() {
        PlacementPlan plan = new PlacementPlan("p", "0hard/0medium/0soft", true, List.of(), null);

        assertThat(SolveCommand.proof(plan))
                .isEqualTo("best bound: none (the time limit left too little time to work one out)");
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
        int exit = run(
                "solve",
                "--input",
                dir.resolve("nope.json").toString(),
                "--output",
                dir.resolve("o.json").toString());

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(stderr()).contains("input file not found").doesNotContain("\tat ");
    }

    @Test
    void inputThatIsNotUtf8IsInvalidInputAsJson() throws IOException {
        Path input = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

        int exit = run(
                "solve",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("plan.json").toString());

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        JsonNode errors = ContractJson.mapper().readTree(stderr()).get("errors");
        assertThat(errors.get(0).get("path").asText()).isEqualTo("$");
        assertThat(errors.get(0).get("message").asText()).contains("not UTF-8");
    }

    @Test
    void unreadableInputAndUnwritableOutputExitOneWithAMessageNamingTheFile() throws IOException {
        Path input = write("in.json", ProblemFixtures.VALID);
        Path blocker = write("blocker.txt", "a file where a folder would have to be");

        assertThat(run(
                        "solve",
                        "--input",
                        dir.toString(),
                        "--output",
                        dir.resolve("plan.json").toString()))
                .isEqualTo(CommandLine.FAILED);
        assertThat(run(
                        "solve",
                        "--input",
                        input.toString(),
                        "--output",
                        blocker.resolve("plan.json").toString(),
                        "--seconds",
                        "1"))
                .isEqualTo(CommandLine.FAILED);

        assertThat(stderr())
                .contains("error: cannot read input file " + dir)
                .contains("error: cannot write " + blocker.resolve("plan.json"))
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("solve", "--input")).isEqualTo(CommandLine.INVALID);
        assertThat(run("solve", "--output", "x.json")).isEqualTo(CommandLine.INVALID);
        assertThat(run("solve", "--input", "a", "--output", "b", "--seconds", "soon"))
                .isEqualTo(CommandLine.INVALID);
        assertThat(run("frobnicate")).isEqualTo(CommandLine.INVALID);
        assertThat(stderr())
                .contains("Missing required parameter for option '--input'")
                .contains("Invalid value for option '--seconds': 'soon'")
                .contains("unknown command 'frobnicate'")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        int exit = run("solve", "--input", "a.json", "--output", "b.json", "--bogus");

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        assertThat(stderr().lines()).singleElement().asString().contains("'--bogus'");
    }

    @Test
    void aMisspeltOptionIsNamedRatherThanTheRequiredOneItMissed() {
        int exit = run("solve", "--inptu", "a.json", "--output", "b.json");

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        assertThat(stderr()).contains("Unknown option: '--inptu'");
    }

    @Test
    void aMissingInputIsAUsageErrorNamingIt() {
        int exit = run("solve", "--output", dir.resolve("plan.json").toString());

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        assertThat(stderr().lines()).singleElement().asString().contains("--input");
        assertThat(dir.resolve("plan.json")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "86401", "-5"})
    void secondsOutOfRangeIsAOneLineUsageErrorBeforeAnyWork(String seconds) throws IOException {
        Path input = write("in.json", ProblemFixtures.VALID);
        Path output = dir.resolve("plan.json");

        int exit = run("solve", "--input", input.toString(), "--output", output.toString(), "--seconds", seconds);

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        assertThat(stderr().lines())
                .singleElement()
                .asString()
                .contains("'--seconds'")
                .contains(seconds + " is not from 1 to 86400");
        assertThat(output).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "86400"})
    void secondsAtTheirLimitsAreAccepted(String seconds) {
        // Accepted by the parser: the run gets as far as reading the (missing) input file.
        int exit = run(
                "solve", "--input", dir.resolve("nope.json").toString(), "--output", "o.json", "--seconds", seconds);

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(stderr()).contains("input file not found");
    }

    @Test
    void queriesOutOfRangeIsAUsageErrorNamingIt() {
        int exit = run("bench-queries", "--input", "a.json", "--queries", "0");

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        assertThat(stderr()).contains("'--queries'").contains("0 is not from 1 to 1000000");
    }

    @Test
    void benchQueriesPrintsLatenciesOnStdout() throws IOException {
        Path input = write("in.json", ProblemFixtures.VALID);

        int exit = run("bench-queries", "--input", input.toString(), "--queries", "3", "--seed", "5");

        assertThat(exit).isZero();
        assertThat(stdout())
                .contains("caseload: 2 children")
                .contains("match         3 queries: p50")
                .contains("emergency     3 queries: p50");
    }

    @Test
    void helpListsTheCommandsAndExitCodesOnStdout() {
        assertThat(run("help")).isZero();
        assertThat(run("--help")).isZero();

        assertThat(stdout())
                .contains("Usage: placement-matcher")
                .contains("solve")
                .contains("generate")
                .contains("bench-queries")
                .contains("With no arguments: runs the REST service")
                .contains("Exit codes:")
                .contains("2   invalid input or usage");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void eachCommandDescribesItsOptions() {
        assertThat(run("solve", "--help")).isZero();
        assertThat(stdout())
                .contains("Usage: placement-matcher solve")
                .contains("--input=FILE")
                .contains("--output=FILE")
                .contains("--seconds=N")
                .contains("1 to 86400 (default 30)")
                .contains("--config=FILE")
                .contains("--verbose");

        assertThat(run("help", "generate")).isZero();
        assertThat(stdout())
                .contains("Usage: placement-matcher generate")
                .contains("--size=SIZE")
                .contains("small, county, county-1200, region, rcc, national")
                .contains("--all")
                .contains("--dir=DIR")
                .contains("--seed=N");

        assertThat(run("bench-queries", "-h")).isZero();
        assertThat(stdout()).contains("--queries=N").contains("(default 1000)");
    }

    @Test
    void generatesOneSizeWithoutADatabaseDeterministicallyForASeed() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(run("generate", "--size", "small", "--seed", "7", "--output", first.toString()))
                .isZero();
        assertThat(run("generate", "--size=small", "--seed=7", "--output=" + second))
                .isZero();

        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        JsonNode problem = ContractJson.mapper().readTree(first.toFile());
        assertThat(problem.get("children").size()).isBetween(80, 120);
        assertThat(stderr()).contains("wrote " + first);
        assertThat(dir)
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void generatesEverySizeIntoAFolderItCreates() throws IOException {
        Path folder = dir.resolve("new/sample-data");
        Path small = dir.resolve("small.json");

        assertThat(run("generate", "--all", "--dir", folder.toString(), "--seed", "3"))
                .isZero();
        assertThat(run("generate", "--size", "small", "--seed", "3", "--output", small.toString()))
                .isZero();

        assertThat(folder)
                .isDirectoryContaining("glob:**/small.json")
                .isDirectoryContaining("glob:**/county.json")
                .isDirectoryContaining("glob:**/county-1200.json")
                .isDirectoryContaining("glob:**/region.json")
                .isDirectoryContaining("glob:**/rcc.json")
                .isDirectoryNotContaining("glob:**/national.json"); // on demand only
        // and the Ofsted-style list of each size's homes
        assertThat(folder.resolve("ofsted/county-providers.csv")).exists();
        assertThat(folder.resolve("ssda903")).isDirectory();
        // The five committed sizes, the Ofsted-style lists and the county's SSDA903 file set.
        assertThat(folder.toFile().list()).hasSize(7);
        assertThat(folder.resolve("ofsted").toFile().list()).hasSize(5);
        assertThat(folder.resolve("small.json")).hasSameTextualContentAs(small);
    }

    @Test
    void generateRefusesAnUnknownSizeAndHalfOrBothTargets() {
        assertThat(run("generate", "--size", "huge", "--output", "x.json")).isEqualTo(CommandLine.INVALID);
        assertThat(run("generate", "--size", "small")).isEqualTo(CommandLine.INVALID);
        assertThat(run("generate", "--all")).isEqualTo(CommandLine.INVALID);
        assertThat(run("generate", "--size", "small", "--output", "x.json", "--all", "--dir", "d"))
                .isEqualTo(CommandLine.INVALID);
        assertThat(run("generate")).isEqualTo(CommandLine.INVALID);

        assertThat(stderr().lines()).hasSize(5).allMatch(line -> line.startsWith("error: "));
        assertThat(stderr())
                .contains("'--size': 'huge' is not one of small, county, county-1200, region, rcc, national")
                .contains("Missing required argument(s): --output=FILE")
                .contains("Missing required argument(s): --dir=DIR")
                .contains("mutually exclusive");
        assertThat(Path.of("x.json")).doesNotExist();
    }

    @Test
    void moreThanAHundredErrorsListAHundredThenHowManyMore() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode problem = (com.fasterxml.jackson.databind.node.ObjectNode)
                ContractJson.mapper().readTree(ProblemFixtures.VALID);
        com.fasterxml.jackson.databind.node.ArrayNode children = problem.putArray("children");
        for (int i = 0; i < 150; i++) {
            children.addObject().put("id", "C" + i);
        }
        Path input = write("many-errors.json", ContractJson.mapper().writeValueAsString(problem));

        int exit = run(
                "solve",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("plan.json").toString());

        assertThat(exit).isEqualTo(CommandLine.INVALID);
        JsonNode errors = ContractJson.mapper().readTree(stderr()).get("errors");
        assertThat(errors).hasSize(101);
        assertThat(errors.get(100).get("path").asText()).isEqualTo("$");
        assertThat(errors.get(100).get("message").asText()).matches("and \\d+ more");
    }

    @Test
    void aBrokenSolverConfigurationIsNamedInPlainWords() throws IOException {
        Path input = write("in.json", ProblemFixtures.VALID);
        Path config = write("solver.xml", "<solver><noSuchElement/></solver>");

        int exit = run(
                "solve",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("plan.json").toString(),
                "--config",
                config.toString(),
                "--seconds",
                "1");

        assertThat(exit).isEqualTo(CommandLine.FAILED);
        assertThat(stderr())
                .contains("error: solver configuration " + config + " is not a valid Timefold solver configuration")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aDefectsMessageIsNotShownItMayNameAJavaClass() {
        assertThat(CommandLine.messageOf(new IllegalStateException("Cannot invoke \"java.util.List.size()\"")))
                .isEqualTo("unexpected failure");
        assertThat(CommandLine.messageOf(new IOException("input file not found: in.json")))
                .isEqualTo("input file not found: in.json");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
