package care.billing.ruleset;

import care.billing.ruleset.RuleFiles.RuleFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV table file as text cells with the line each record starts on: the header, then the rows.
 * Lines starting with {@code #} and blank lines are skipped; a UTF-8 byte-order mark (as Excel
 * writes it) and CRLF line ends are accepted; cells are trimmed.
 */
record CsvTable(String path, Record header, List<Record> rows) {

    /** One CSV record: its first line (1-based) and its cells. */
    record Record(int line, List<String> cells) {

        /** The cell in {@code index} (0-based), or "" past the end of the record. */
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** The table, or null (with a problem) when the file has no header row or is not valid CSV. */
    static CsvTable parse(RuleFile file, List<RuleProblem> problems) {
        String text = withoutByteOrderMark(file.content());
        List<Record> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withComments()).readValues(text)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                records.add(new Record(line, Arrays.asList(it.nextValue())));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new RuleProblem(file.path(), line, 0, "not a valid CSV table: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new RuleProblem(file.path(), 0, 0, "cannot read the table: " + e.getMessage()));
            return null;
        }
        if (records.isEmpty()) {
            problems.add(new RuleProblem(file.path(), 1, 1, "the table has no header row naming its columns"));
            return null;
        }
        return new CsvTable(file.path(), records.get(0), List.copyOf(records.subList(1, records.size())));
    }

    static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
