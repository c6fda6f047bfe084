package care.billing.scenarios;

import care.billing.ruleset.RuleFiles.RuleFile;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.Vocabulary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the mutants of a rules directory: in the tables, what {@link TableMutants} changes
 * (numbers, period months, enum cells); in DRL conditions and functions, each whole number one up and
 * one down and each comparison made strict or loose. Strings and comments are left alone, and so are
 * rules marked {@code @dormant}: no bundled payer switches them on, so no bundled scenario can pin them.
 */
public final class Mutants {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])\\d+(?![\\w.])");
    private static final Pattern COMPARISON = Pattern.compile("<=|>=|<|>");

    private Mutants() {
    }

    /** @param vocabulary the words an enum cell may be changed to (that of the unchanged rules) */
    public static List<Mutant> of(RuleFiles files, Vocabulary vocabulary) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        for (RuleFile file : files.files()) {
            if (file.isTable()) {
                new TableMutants(file, vocabulary, mutants).generate();
            } else if (file.isDrl()) {
                drlMutants(file, mutants);
            }
        }
        return mutants;
    }

    private static void drlMutants(RuleFile file, List<Mutant> mutants) {
        List<String> lines = file.content().lines().toList();
        boolean inCondition = false;
        boolean inFunction = false;
        boolean dormant = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("rule ")) {
                dormant = false;
            } else if (trimmed.startsWith("@dormant(")) {
                dormant = true;
            }
            if (trimmed.equals("when")) {
                inCondition = true;
                continue;
            }
            if (trimmed.equals("then")) {
                inCondition = false;
                continue;
            }
            if (trimmed.startsWith("function ")) {
                inFunction = true;
                continue;
            }
            if (inFunction && line.startsWith("}")) {
                inFunction = false;
                continue;
            }
            if (!inCondition && !inFunction || dormant) {
                continue;
            }
            String code = codeOnly(line);
            Matcher number = NUMBER.matcher(code);
            while (number.find()) {
                int value = Integer.parseInt(number.group());
                for (int changed : new int[] {value + 1, value - 1}) {
                    if (changed >= 0) {
                        addDrlMutant(file, lines, i, number.start(), number.end(), String.valueOf(changed), mutants);
                    }
                }
            }
            Matcher comparison = COMPARISON.matcher(code);
            while (comparison.find()) {
                String flipped = switch (comparison.group()) {
                    case "<" -> "<=";
                    case "<=" -> "<";
                    case ">" -> ">=";
                    default -> ">";
                };
                addDrlMutant(file, lines, i, comparison.start(), comparison.end(), flipped, mutants);
            }
        }
    }

    private static void addDrlMutant(RuleFile file, List<String> lines, int index, int start, int end,
                                     String replacement, List<Mutant> mutants) {
        String line = lines.get(index);
        String mutated = line.substring(0, start) + replacement + line.substring(end);
        mutants.add(new Mutant(file.path(), index + 1, line, mutated, replaceLine(lines, index, mutated), false));
    }

    /** The line with string literals and a trailing comment blanked out (same length, so offsets hold). */
    static String codeOnly(String line) {
        StringBuilder code = new StringBuilder(line);
        boolean inString = false;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (!inString && ch == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                for (int j = i; j < code.length(); j++) {
                    code.setCharAt(j, ' ');
                }
                break;
            }
            if (ch == '"') {
                inString = !inString;
            } else if (inString) {
                code.setCharAt(i, ' ');
            }
        }
        return code.toString();
    }

    static String replaceLine(List<String> lines, int index, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, replacement);
        return String.join("\n", copy) + "\n";
    }
}
