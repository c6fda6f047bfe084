package care.billing.ruleset;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every citation in the rules (a rule's {@code @source}, a table row's {@code citation}, a scenario's
 * {@code proves}, comments in rule files and code) points at a section that exists in this repository: {@code
 * docs/billing-policy.md §N} or {@code §N.M} must be a heading of that page, and a named source such
 * as {@code seed 001} must be listed in its Sources table. Documents kept outside the repository
 * (the specification's docs/billing-policy.md and docs/api.md) are never cited.
 */
class CitationsTest {

    private static final Path POLICY = Path.of("docs/billing-policy.md");
    private static final Pattern SECTION_CITED = Pattern.compile("docs/billing-policy\\.md ((?:§\\s?[0-9]+(?:\\.[0-9]+)?(?:[-–,] ?)?)+)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} ([0-9]+(?:\\.[0-9]+)?)[. ]", Pattern.MULTILINE);
    private static final Pattern SEED_CITED = Pattern.compile("seed ([0-9]{3})");
    private static final Pattern OUTSIDE = Pattern.compile("(?<![\\w/-])(billing-rules\\.md|api\\.md)");

    @Test
    void everyCitedSectionExists() throws IOException {
        String policy = Files.readString(POLICY);
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(policy);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        List<String> missing = new ArrayList<>();
        int cited = 0;
        for (Path file : ruleFilesAndCode()) {
            String text = Files.readString(file);
            Matcher citation = SECTION_CITED.matcher(text);
            while (citation.find()) {
                Matcher number = NUMBER.matcher(citation.group(1));
                while (number.find()) {
                    cited++;
                    if (!sections.contains(number.group())) {
                        missing.add(file + ": §" + number.group());
                    }
                }
            }
            Matcher seed = SEED_CITED.matcher(text);
            while (seed.find()) {
                if (!policy.contains("| seed " + seed.group(1) + " |")) {
                    missing.add(file + ": seed " + seed.group(1) + " is not in the policy's Sources table");
                }
            }
        }
        assertTrue(cited > 100, "expected the rules to cite the policy throughout, found " + cited + " citations");
        assertEquals(List.of(), missing, "citations of sections that do not exist in " + POLICY);
    }

    @Test
    void nothingCitesDocumentsOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : citingFiles()) {
            Matcher matcher = OUTSIDE.matcher(Files.readString(file));
            while (matcher.find()) {
                outside.add(file + ": " + matcher.group(1));
            }
        }
        assertEquals(List.of(), outside, "cite docs/billing-policy.md (or the OpenAPI document) instead");
    }

    /** What the service loads or runs: rule files, tables, scenarios and the Java code (not the worked examples in READMEs). */
    private static List<Path> ruleFilesAndCode() throws IOException {
        return files(List.of("rules", "src/main/java")).stream()
                .filter(p -> !p.getFileName().toString().equals("README.md")).toList();
    }

    private static List<Path> citingFiles() throws IOException {
        return files(List.of("rules", "src/main/java", "docs", "README.md"));
    }

    private static List<Path> files(List<String> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : roots) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(drl|csv|yaml|java|md)$"))
                        .filter(p -> !p.equals(POLICY))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
