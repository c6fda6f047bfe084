package care.billing.architecture;

import care.billing.evaluation.BundledRules;
import care.billing.ruleset.Term;
import care.billing.ruleset.Vocabulary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing words live in the tables under rules/, never in Java: no string literal of the main sources
 * names a staff role, contact method, activity, payer, rule set or date-of-service mode of the bundled
 * vocabulary (a new one is a table row, not a Java change).
 */
class NoVocabularyInJavaTest {

    static final Path MAIN = Path.of("src/main/java");
    static final List<Term> KINDS = List.of(Term.ROLE, Term.METHOD, Term.ACTIVITY, Term.PAYER, Term.RULE_SET,
            Term.DATE_OF_SERVICE);
    /** A comment, a text block or a string literal; comments are skipped, so quotes in a comment are no literal. */
    static final Pattern LITERAL = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");

    @Test
    void noStringLiteralOfTheMainSourcesNamesAWordOfTheVocabulary() throws IOException {
        Vocabulary vocabulary = BundledRules.get().tables().vocabulary();
        List<String> words = new ArrayList<>();
        KINDS.forEach(kind -> words.addAll(vocabulary.of(kind)));
        assertTrue(words.size() > 30 && words.contains("LAST_DAY_OF_MONTH") && words.contains("CLINICAL_STAFF")
                && words.contains("BCN_ADVANTAGE") && words.contains("PHONE") && words.contains("CHART_PREP"), words::toString);
        Pattern word = Pattern.compile("\\b(" + String.join("|", words) + ")\\b");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    if (literal.group().startsWith("/")) {
                        continue;
                    }
                    Matcher named = word.matcher(literal.group());
                    while (named.find()) {
                        long line = source.substring(0, literal.start()).lines().count();
                        found.add(file + ":" + line + " " + named.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** The check itself: it finds a word in a literal and a text block, and ignores quotes in comments. */
    @Test
    void theCheckFindsAWordInALiteral() {
        Matcher literal = LITERAL.matcher("// \"CLINICAL_STAFF\"\n/** \"QHP\" */ String role = \"CLINICAL_STAFF\"; String s = \"\"\"\n  PHONE\n\"\"\";");
        List<String> literals = new ArrayList<>();
        while (literal.find()) {
            if (!literal.group().startsWith("/")) {
                literals.add(literal.group());
            }
        }
        assertEquals(List.of("\"CLINICAL_STAFF\"", "\"\"\"\n  PHONE\n\"\"\""), literals);
    }
}
