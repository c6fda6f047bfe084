package care.billing.scenarios;

import care.billing.model.StaffRoles;
import care.billing.ruleset.RuleFiles.RuleFile;
import care.billing.ruleset.RuleFiles;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the mutants of a rules directory: in code-family tables, each threshold, add-on start,
 * block and cap one up and one down, and each staff role added to or taken from a family's
 * {@code countedRoles} (when the cell lists roles); in every table, each period month
 * ({@code effectiveFrom}, {@code effectiveTo}) one month earlier and one later; in DRL conditions and functions, each whole number one up and
 * one down and each comparison made strict or loose. Strings and comments are left alone, and so are
 * rules marked {@code @dormant}: no bundled payer switches them on, so no bundled scenario can pin them.
 */
public final class Mutants {

    private static final Set<String> TABLE_COLUMNS =
            Set.of("primaryMinutes", "addOnFirstUnitMinutes", "addOnBlockMinutes", "addOnMaxUnits");
    private static final Set<String> PERIOD_COLUMNS = Set.of("effectiveFrom", "effectiveTo");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])\\d+(?![\\w.])");
    private static final Pattern COMPARISON = Pattern.compile("<=|>=|<|>");

    private static final CsvMapper CSV = new CsvMapper();

    private Mutants() {
    }

    public static List<Mutant> of(RuleFiles files) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        for (RuleFile file : files.files()) {
            if (file.isTable()) {
                tableMutants(file, mutants);
            } else if (file.isDrl()) {
                drlMutants(file, mutants);
            }
        }
        return mutants;
    }

    private static void tableMutants(RuleFile file, List<Mutant> mutants) throws IOException {
        List<String> lines = file.content().lines().toList();
        ObjectReader reader = CSV.readerFor(String[].class).with(CsvSchema.emptySchema());
        ObjectWriter writer = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator(""));
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = reader.readValue(line);
            if (header == null) {
                header = cells;
                continue;
            }
            for (int c = 0; c < Math.min(header.length, cells.length); c++) {
                if (header[c].strip().equals(StaffRoles.COLUMN) && !cells[c].isBlank()) {
                    roleMutants(file, lines, i, header[c], cells, c, writer, mutants);
                }
                if (PERIOD_COLUMNS.contains(header[c].strip()) && cells[c].strip().matches("\\d{4}-\\d{2}")) {
                    periodMutants(file, lines, i, header[c], cells, c, writer, mutants);
                }
                if (!TABLE_COLUMNS.contains(header[c].strip()) || !cells[c].strip().matches("\\d+")) {
                    continue;
                }
                int value = Integer.parseInt(cells[c].strip());
                for (int changed : new int[] {value + 1, value - 1}) {
                    if (changed < 0) {
                        continue;
                    }
                    String[] copy = Arrays.copyOf(cells, cells.length);
                    copy[c] = String.valueOf(changed);
                    String mutatedLine = writer.writeValueAsString(copy);
                    mutants.add(new Mutant(file.path(), i + 1, header[c] + " = " + value, header[c] + " = " + changed,
                            replaceLine(lines, i, mutatedLine), true));
                }
            }
        }
    }

    /** A period month one month earlier and one later: a shifted boundary must change some scenario's result. */
    private static void periodMutants(RuleFile file, List<String> lines, int index, String column, String[] cells,
                                      int c, ObjectWriter writer, List<Mutant> mutants) throws IOException {
        YearMonth month = YearMonth.parse(cells[c].strip());
        for (YearMonth changed : new YearMonth[] {month.minusMonths(1), month.plusMonths(1)}) {
            String[] copy = Arrays.copyOf(cells, cells.length);
            copy[c] = changed.toString();
            mutants.add(new Mutant(file.path(), index + 1, column + " = " + month, column + " = " + changed,
                    replaceLine(lines, index, writer.writeValueAsString(copy)), true));
        }
    }

    /** Each known role toggled in a countedRoles cell: taken away when listed, added when not. */
    private static void roleMutants(RuleFile file, List<String> lines, int index, String column, String[] cells,
                                    int c, ObjectWriter writer, List<Mutant> mutants) throws IOException {
        Set<String> listed = new TreeSet<>(Arrays.asList(cells[c].strip().split("\\s+")));
        for (String role : new TreeSet<>(StaffRoles.ALL)) {
            Set<String> changed = new TreeSet<>(listed);
            if (!changed.remove(role)) {
                changed.add(role);
            }
            if (changed.isEmpty()) {
                continue;
            }
            String[] copy = Arrays.copyOf(cells, cells.length);
            copy[c] = String.join(" ", changed);
            mutants.add(new Mutant(file.path(), index + 1, column + " = " + cells[c].strip(), column + " = " + copy[c],
                    replaceLine(lines, index, writer.writeValueAsString(copy)), true));
        }
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

    private static String replaceLine(List<String> lines, int index, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, replacement);
        return String.join("\n", copy) + "\n";
    }
}
