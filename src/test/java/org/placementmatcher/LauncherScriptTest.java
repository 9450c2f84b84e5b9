package org.placementmatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/placement-matcher builds the jar when it is missing or older than anything under src/, pom.xml or
 * solver-config/, says so, and then runs it. Driven on a copy of the script in a scratch project whose
 * {@code mvnw}, {@code .ci/find-jdk} and {@code java} are fakes that record being called.
 */
class LauncherScriptTest {

    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path project;

    private Path jar;

    @BeforeEach
    void scratchProject() throws IOException {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the launcher is a bash script; no bash here");
        Files.createDirectories(project.resolve("bin"));
        executable("bin/placement-matcher", Files.readString(Path.of("bin/placement-matcher")));
        executable("mvnw", """
                #!/usr/bin/env bash
                echo "$@" >> "$(dirname "$0")/build.log"
                [ -f "$(dirname "$0")/build-fails" ] && exit 1
                mkdir -p "$(dirname "$0")/target/quarkus-app"
                echo jar > "$(dirname "$0")/target/quarkus-app/quarkus-run.jar"
                """);
        executable(".ci/find-jdk", """
                #!/usr/bin/env bash
                echo "$(cd "$(dirname "$0")/.." && pwd)/jdk"
                """);
        executable("jdk/bin/java", """
                #!/usr/bin/env bash
                echo "java $*"
                """);
        write("src/main/java/Example.java", "class Example {}");
        write("pom.xml", "<project/>");
        write("solver-config/solverConfig.xml", "<solver/>");
        jar = project.resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Test
    void buildsWhenThereIsNoJarSayingWhy() throws Exception {
        Result result = launch("solve", "--seconds", "1");

        assertThat(result.exitCode).isZero();
        assertThat(builds()).isEqualTo(1);
        assertThat(result.stderr).contains("Building the jar (there is none yet)");
        // A local edit not yet formatted must not keep the service from starting.
        assertThat(Files.readString(project.resolve("build.log"))).contains("-Dspotless.check.skip=true");
        assertThat(result.stdout).contains("java -jar " + jar + " solve --seconds 1");
    }

    @Test
    void runsAnUpToDateJarWithoutBuilding() throws Exception {
        builtJarNewerThanEverything();

        Result result = launch();

        assertThat(result.exitCode).isZero();
        assertThat(builds()).isZero();
        assertThat(result.stderr).doesNotContain("Building");
        assertThat(result.stdout).contains("java -jar " + jar);
    }

    @Test
    void rebuildsWhenASourceFileChangedSinceTheBuild() throws Exception {
        builtJarNewerThanEverything();
        touchAfterBuild("src/main/java/Example.java");

        Result result = launch();

        assertThat(builds()).isEqualTo(1);
        assertThat(result.stderr)
                .contains("Building the jar (src/main/java/Example.java changed since the last build)");
        assertThat(result.stdout).contains("java -jar " + jar);
        assertThat(launch().stderr).as("built once, then up to date").doesNotContain("Building");
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void rebuildsWhenThePomOrTheSolverConfigurationChanged() throws Exception {
        builtJarNewerThanEverything();
        touchAfterBuild("pom.xml");
        assertThat(launch().stderr).contains("(pom.xml changed since the last build)");

        builtJarNewerThanEverything();
        touchAfterBuild("solver-config/solverConfig.xml");
        assertThat(launch().stderr).contains("(solver-config/solverConfig.xml changed since the last build)");
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void aFailedBuildStopsWithoutRunningAnything() throws Exception {
        write("build-fails", "");

        Result result = launch();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.stdout).doesNotContain("java -jar");
    }

    private void builtJarNewerThanEverything() throws IOException {
        write("target/quarkus-app/quarkus-run.jar", "jar");
        try (var files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(3600)));
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    private void touchAfterBuild(String file) throws IOException {
        Files.setLastModifiedTime(project.resolve(file), FileTime.from(BUILT.plusSeconds(60)));
    }

    private long builds() throws IOException {
        Path log = project.resolve("build.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result launch(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(project.resolve("bin/placement-matcher").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().remove("JAVA_OPTS");
        Path out = project.resolve("stdout.txt");
        Path err = project.resolve("stderr.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the launcher finishes")
                .isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void write(String file, String content) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private void executable(String file, String content) throws IOException {
        write(file, content);
        Files.setPosixFilePermissions(project.resolve(file), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
