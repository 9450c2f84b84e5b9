package org.placementmatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document the sources cite is in the repository: a cited {@code *.md} path exists (a path with a
 * folder from the repository's root; a bare name at the root or under {@code docs/}), and every cited
 * "contract section N" is a numbered heading of docs/contract.md.
 */
class DocsCitationTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path CONTRACT = ROOT.resolve("docs/contract.md");

    /** A path ending in .md, optionally absolute or relative ("../"); not part of a longer word. */
    static final Pattern MARKDOWN_PATH = Pattern.compile("(?<![\\w.-])(/?(?:[\\w.-]+/)*[\\w-][\\w.-]*\\.md)(?!\\w)");
    /** "contract section 2", "the contract's section 1.2", "docs/contract.md sections 1.1-1.4", "contract (sections 2 and 3)". */
    static final Pattern CONTRACT_SECTIONS = Pattern.compile(
            "contract(?:\\.md|'s)?\\s*\\(?\\s*sections?\\s+(\\d+(?:\\.\\d+)*(?:\\s*(?:,|-|–|and|to)\\s*\\d+(?:\\.\\d+)*)*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SECTION_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("(?m)^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\.?\\s");

    @Test
    void everyCitedDocumentIsInTheRepository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String relative = ROOT.relativize(file).toString().replace('\\', '/');
            Matcher m = MARKDOWN_PATH.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                String cited = m.group(1);
                if (!resolves(cited)) {
                    missing.add(relative + " cites " + cited);
                }
            }
        }
        assertThat(missing)
                .as("documents cited by the sources but not in the repository")
                .isEmpty();
    }

    @Test
    void everyCitedContractSectionIsAHeadingOfTheContract() throws IOException {
        Set<String> headings = headings(Files.readString(CONTRACT, StandardCharsets.UTF_8));
        assertThat(headings)
                .as("docs/contract.md keeps the spec's section numbers")
                .contains("1", "1.1", "1.2", "1.3", "1.4", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        List<String> missing = new ArrayList<>();
        for (Path file : sourceFiles()) {
            for (String section : citedSections(Files.readString(file, StandardCharsets.UTF_8))) {
                if (!headings.contains(section)) {
                    missing.add(ROOT.relativize(file) + " cites contract section " + section);
                }
            }
        }
        assertThat(missing)
                .as("contract sections cited by the sources but not headings of docs/contract.md")
                .isEmpty();
    }

    @Test
    void recognisesTheWaysSourcesCiteDocuments() {
        assertThat(citedSections("as docs/contract.md section 4 writes it")).containsExactly("4");
        assertThat(citedSections("the contract's sections 1.1-1.4 and")).containsExactly("1.1", "1.4");
        assertThat(citedSections("against the contract (sections 2 and 3)")).containsExactly("2", "3");
        assertThat(citedSections("(contract section 11)")).containsExactly("11");
        assertThat(headings("# Title\n## 1. Input\n### 1.2 Children\n## Extensions\n"))
                .containsExactlyInAnyOrder("1", "1.2");

        assertThat(markdownPaths("see /work/shared/spec/calibration.md and ../shared/x.md, docs/contract.md."))
                .containsExactly("/work/shared/spec/calibration.md", "../shared/x.md", "docs/contract.md");
        assertThat(resolves("docs/contract.md")).isTrue();
        assertThat(resolves("calibration.md"))
                .as("a bare name found under docs/")
                .isTrue();
        assertThat(resolves("/work/shared/spec/calibration.md"))
                .as("outside the repository")
                .isFalse();
        assertThat(resolves("../shared/spec/placement-contract.md")).isFalse();
        assertThat(resolves("docs/no-such-file.md")).isFalse();
    }

    private static List<Path> sourceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("src"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(java|properties|sql|xml|html|md|txt|sh)$"))
                    // This file's own examples cite missing documents on purpose.
                    .filter(f -> !f.getFileName().toString().equals(DocsCitationTest.class.getSimpleName() + ".java"))
                    .sorted()
                    .toList();
        }
    }

    static List<String> citedSections(String text) {
        List<String> sections = new ArrayList<>();
        Matcher m = CONTRACT_SECTIONS.matcher(text);
        while (m.find()) {
            Matcher number = SECTION_NUMBER.matcher(m.group(1));
            while (number.find()) {
                sections.add(number.group());
            }
        }
        return sections;
    }

    static Set<String> headings(String markdown) {
        Set<String> headings = new TreeSet<>();
        Matcher m = NUMBERED_HEADING.matcher(markdown);
        while (m.find()) {
            headings.add(m.group(1));
        }
        return headings;
    }

    static List<String> markdownPaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = MARKDOWN_PATH.matcher(text);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    /** A path with a folder from the repository's root, a bare name at the root or under docs/; never outside. */
    static boolean resolves(String cited) {
        if (cited.startsWith("/")) {
            return false;
        }
        List<Path> candidates = cited.contains("/")
                ? List.of(ROOT.resolve(cited))
                : List.of(ROOT.resolve(cited), ROOT.resolve("docs").resolve(cited));
        return candidates.stream().map(Path::normalize).anyMatch(p -> p.startsWith(ROOT) && Files.isRegularFile(p));
    }
}
