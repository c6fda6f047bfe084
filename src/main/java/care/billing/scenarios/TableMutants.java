package care.billing.scenarios;

import care.billing.ruleset.RuleFiles.RuleFile;
import care.billing.ruleset.Term;
import care.billing.ruleset.Vocabulary;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mutants of one table: each threshold, add-on start, block and cap one up and one down; each
 * period month ({@code effectiveFrom}, {@code effectiveTo}) one month earlier and one later; each
 * enum cell changed to every other word of its kind ({@code dateOfService}), and each word of a word
 * list added or taken away ({@code countedRoles}). The words come from the vocabulary of the
 * unchanged rules, never from Java.
 */
final class TableMutants {

    private static final Set<String> NUMBER_COLUMNS =
            Set.of("primaryMinutes", "addOnFirstUnitMinutes", "addOnBlockMinutes", "addOnMaxUnits");
    private static final Set<String> PERIOD_COLUMNS = Set.of("effectiveFrom", "effectiveTo");
    /** Columns holding one word, and the kind of word. */
    private static final Map<String, Term> WORD_COLUMNS = Map.of("dateOfService", Term.DATE_OF_SERVICE);
    /** Columns holding words separated by spaces, and the kind of word. */
    private static final Map<String, Term> WORD_LIST_COLUMNS = Map.of("countedRoles", Term.ROLE);

    private static final CsvMapper CSV = new CsvMapper();

    private final RuleFile file;
    private final Vocabulary vocabulary;
    private final List<Mutant> mutants;
    private final List<String> lines;
    private final ObjectWriter writer = CSV.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator(""));

    TableMutants(RuleFile file, Vocabulary vocabulary, List<Mutant> mutants) {
        this.file = file;
        this.vocabulary = vocabulary;
        this.mutants = mutants;
        this.lines = file.content().lines().toList();
    }

    void generate() throws IOException {
        ObjectReader reader = CSV.readerFor(String[].class).with(CsvSchema.emptySchema());
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = reader.readValue(line);
            if (header == null) {
                header = cells;
                continue;
            }
            for (int c = 0; c < Math.min(header.length, cells.length); c++) {
                String column = header[c].strip();
                String cell = cells[c].strip();
                if (cell.isEmpty()) {
                    continue;
                }
                if (NUMBER_COLUMNS.contains(column) && cell.matches("\\d+")) {
                    int value = Integer.parseInt(cell);
                    for (int changed : new int[] {value + 1, value - 1}) {
                        if (changed >= 0) {
                            add(i, cells, c, column, String.valueOf(changed));
                        }
                    }
                } else if (PERIOD_COLUMNS.contains(column) && cell.matches("\\d{4}-\\d{2}")) {
                    YearMonth month = YearMonth.parse(cell);
                    add(i, cells, c, column, month.minusMonths(1).toString());
                    add(i, cells, c, column, month.plusMonths(1).toString());
                } else if (WORD_COLUMNS.containsKey(column)) {
                    for (String word : vocabulary.of(WORD_COLUMNS.get(column))) {
                        if (!word.equals(cell)) {
                            add(i, cells, c, column, word);
                        }
                    }
                } else if (WORD_LIST_COLUMNS.containsKey(column)) {
                    toggleEach(i, cells, c, column, vocabulary.of(WORD_LIST_COLUMNS.get(column)));
                }
            }
        }
    }

    /** Each word toggled in a word-list cell: taken away when listed, added when not (never left empty). */
    private void toggleEach(int index, String[] cells, int c, String column, List<String> words) throws IOException {
        Set<String> listed = new TreeSet<>(Arrays.asList(cells[c].strip().split("\\s+")));
        for (String word : new TreeSet<>(words)) {
            Set<String> changed = new TreeSet<>(listed);
            if (!changed.remove(word)) {
                changed.add(word);
            }
            if (!changed.isEmpty()) {
                add(index, cells, c, column, String.join(" ", changed));
            }
        }
    }

    private void add(int index, String[] cells, int c, String column, String value) throws IOException {
        String[] copy = Arrays.copyOf(cells, cells.length);
        copy[c] = value;
        mutants.add(new Mutant(file.path(), index + 1, column + " = " + cells[c].strip(), column + " = " + value,
                Mutants.replaceLine(lines, index, writer.writeValueAsString(copy)), true));
    }
}
