package care.billing.ruleset;

import care.billing.model.Activity;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.RuleSet;
import care.billing.model.StaffRoles;
import care.billing.model.TableRow;
import care.billing.ruleset.RuleFiles.RuleFile;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the data tables of a rules directory. The file name says which table a CSV file is
 * ({@code rule-set.csv}, {@code code-families.csv}, {@code fees.csv}, {@code activities.csv}); the
 * header row names the columns. Lines starting with {@code #} are comments. Every bad cell is reported
 * with file and line, and so is a row whose period overlaps another row setting the same thing
 * ({@link TableRow#periodKey()}).
 */
public final class TableLoader {

    private static final Map<String, Class<? extends TableRow>> KINDS = Map.of(
            "rule-set.csv", RuleSet.class,
            "code-families.csv", CodeFamily.class,
            "fees.csv", Fee.class,
            "activities.csv", Activity.class);

    private final CsvMapper mapper = CsvMapper.builder()
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public DataTables load(List<RuleFile> files, List<RuleProblem> problems) {
        List<RuleSet> ruleSets = new ArrayList<>();
        List<CodeFamily> families = new ArrayList<>();
        List<Fee> fees = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isTable()) {
                continue;
            }
            Class<? extends TableRow> kind = KINDS.get(file.fileName());
            if (kind == null) {
                problems.add(new RuleProblem(file.path(), 0, 0,
                        "unknown data table; a table file is named one of " + KINDS.keySet().stream().sorted().toList()));
                continue;
            }
            List<TableRow> rows = read(file, kind, problems);
            if (kind == RuleSet.class) {
                rows.forEach(r -> ruleSets.add((RuleSet) r));
            } else if (kind == CodeFamily.class) {
                rows.forEach(r -> families.add((CodeFamily) r));
            } else if (kind == Fee.class) {
                rows.forEach(r -> fees.add((Fee) r));
            } else {
                rows.forEach(r -> activities.add((Activity) r));
            }
        }
        checkOverlaps(ruleSets, problems);
        checkOverlaps(families, problems);
        checkOverlaps(fees, problems);
        return new DataTables(ruleSets, families, fees, activities);
    }

    /**
     * Two rows with the same {@link TableRow#periodKey()} in force in one month would leave the rules
     * to pick one by file order; the later row is reported instead.
     */
    private static void checkOverlaps(List<? extends TableRow> rows, List<RuleProblem> problems) {
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            for (int j = 0; j < i; j++) {
                TableRow earlier = rows.get(j);
                if (row.periodKey() != null && row.periodKey().equals(earlier.periodKey()) && overlap(row, earlier)) {
                    int colon = row.row().lastIndexOf(':');
                    problems.add(new RuleProblem(row.row().substring(0, colon),
                            Integer.parseInt(row.row().substring(colon + 1)), 0, "the period " + period(row)
                            + " of " + row.periodKey() + " overlaps " + period(earlier) + " at " + earlier.row()
                            + "; one row per month"));
                    break;
                }
            }
        }
    }

    /** Whether two rows share a month; a row whose period runs backwards is never in force (and reported). */
    private static boolean overlap(TableRow a, TableRow b) {
        return !backwards(a) && !backwards(b)
                && (a.effectiveFrom() == null || b.effectiveTo() == null || a.effectiveFrom().compareTo(b.effectiveTo()) <= 0)
                && (b.effectiveFrom() == null || a.effectiveTo() == null || b.effectiveFrom().compareTo(a.effectiveTo()) <= 0);
    }

    private static boolean backwards(TableRow row) {
        return row.effectiveFrom() != null && row.effectiveTo() != null
                && row.effectiveFrom().compareTo(row.effectiveTo()) > 0;
    }

    private static String period(TableRow row) {
        return Objects.toString(row.effectiveFrom(), "(open)") + ".." + Objects.toString(row.effectiveTo(), "(open)");
    }

    private List<TableRow> read(RuleFile file, Class<? extends TableRow> kind, List<RuleProblem> problems) {
        List<TableRow> rows = new ArrayList<>();
        ObjectReader reader = mapper.readerFor(kind).with(CsvSchema.emptySchema().withHeader().withComments());
        try (MappingIterator<TableRow> it = reader.readValues(file.content())) {
            while (true) {
                int line = it.getCurrentLocation().getLineNr();
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getCurrentLocation().getLineNr();
                    TableRow row = it.nextValue();
                    checkMonths(row, file.path(), line, problems);
                    checkRoles(row, (CsvSchema) it.getParserSchema(), file.path(), line, problems);
                    rows.add(row.withRow(file.path() + ":" + line));
                } catch (JsonMappingException e) {
                    problems.add(problem(file, e.getLocation(), line, describe(e)));
                    if (e.getLocation() == null) {
                        break; // nowhere to resume from
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(file.path(), 0, 0, e.getMessage()));
        }
        return rows;
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return (field == null ? "" : "column '" + field + "': ") + e.getMessage();
    }

    /**
     * The problem at the parser's location, or at the row's first line when there is none or the parser
     * has already moved past the row's end (an unknown column is found once the whole row is read).
     */
    private static RuleProblem problem(RuleFile file, JsonLocation location, int rowLine, String message) {
        boolean pastTheRow = location != null && location.getLineNr() > rowLine && location.getColumnNr() <= 1;
        int line = location == null || pastTheRow ? rowLine : location.getLineNr();
        return new RuleProblem(file.path(), line, 0, message);
    }

    /**
     * A code-family table that has the countedRoles column must fill it on every row: a blank cell
     * would let every role count, which a copied row could do by omission.
     */
    private static void checkRoles(TableRow row, CsvSchema schema, String path, int line, List<RuleProblem> problems) {
        if (row instanceof CodeFamily family && family.countedRoles() == null
                && schema.column(StaffRoles.COLUMN) != null) {
            problems.add(new RuleProblem(path, line, 0, "column '" + StaffRoles.COLUMN + "' is blank; list the staff "
                    + "roles whose time counts toward " + family.family() + " (all four for every role)"));
        }
    }

    private static void checkMonths(TableRow row, String path, int line, List<RuleProblem> problems) {
        boolean valid = true;
        for (String month : new String[] {row.effectiveFrom(), row.effectiveTo()}) {
            if (month != null) {
                try {
                    YearMonth.parse(month);
                } catch (DateTimeParseException e) {
                    valid = false;
                    problems.add(new RuleProblem(path, line, 0, "effective month '" + month + "' is not YYYY-MM"));
                }
            }
        }
        if (valid && backwards(row)) {
            problems.add(new RuleProblem(path, line, 0, "effectiveFrom " + row.effectiveFrom() + " is after effectiveTo "
                    + row.effectiveTo() + "; the row would never be in force"));
        }
    }
}
