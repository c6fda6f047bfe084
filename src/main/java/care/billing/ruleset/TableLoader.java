package care.billing.ruleset;

import care.billing.model.CodeFamily;
import care.billing.model.TableRow;
import care.billing.ruleset.CsvTable.Record;
import care.billing.ruleset.RuleFiles.RuleFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the data tables of a rules directory against their schemas ({@link TableSchemas}). The file
 * name says which table a CSV file is; the header row names the columns. Every cell is checked:
 * type, range, required, and words against the vocabulary the tables declare (rule sets, roles,
 * codes, families, date-of-service modes, ...). Each violation is a {@link RuleProblem} with file,
 * line and column (1-based) and the allowed values; so is a row whose period overlaps another row
 * setting the same thing, and a word declared twice.
 */
public final class TableLoader {

    public DataTables load(List<RuleFile> files, List<RuleProblem> problems) {
        Map<TableSchema, List<CsvTable>> tables = new LinkedHashMap<>();
        TableSchemas.ALL.forEach(schema -> tables.put(schema, new ArrayList<>()));
        for (RuleFile file : files) {
            if (!file.isTable()) {
                continue;
            }
            TableSchema schema = TableSchemas.named(file.fileName());
            if (schema == null) {
                problems.add(new RuleProblem(file.path(), 1, 1, "unknown data table; a table file is named one of "
                        + TableSchemas.fileNames()));
                continue;
            }
            CsvTable table = CsvTable.parse(file, problems);
            if (table != null) {
                tables.get(schema).add(table);
            }
        }
        Declarations declarations = new Declarations();
        List<Object> rows = new ArrayList<>();
        Map<String, Integer> fromColumn = new HashMap<>();
        tables.forEach((schema, ofSchema) -> ofSchema.forEach(table ->
                read(schema, table, declarations, rows, fromColumn, problems)));
        DataTables loaded = DataTables.of(rows, declarations.vocabulary());
        Overlaps.check(loaded.ruleSets(), fromColumn, problems);
        Overlaps.check(loaded.codeFamilies(), fromColumn, problems);
        Overlaps.check(loaded.fees(), fromColumn, problems);
        return loaded;
    }

    private static void read(TableSchema schema, CsvTable table, Declarations declarations, List<Object> rows,
                             Map<String, Integer> fromColumn, List<RuleProblem> problems) {
        int before = problems.size();
        Map<String, Integer> index = header(schema, table, problems);
        if (problems.size() > before) {
            declareOnly(schema, table, index, declarations, problems);
            return;
        }
        fromColumn.put(table.path(), index.getOrDefault(TableSchemas.FROM, -1) + 1);
        int width = table.header().cells().size();
        for (Record record : table.rows()) {
            List<RuleProblem> found = new ArrayList<>();
            if (record.cells().size() > width) {
                found.add(new RuleProblem(table.path(), record.line(), width + 1, "the row has " + record.cells().size()
                        + " cells; the header names " + width + " columns (quote a cell that holds a comma)"));
            }
            Map<String, Object> cells = new HashMap<>();
            for (Column column : schema.columns()) {
                Integer at = index.get(column.name());
                try {
                    cells.put(column.name(), column.read(at == null ? "" : record.cell(at), declarations.vocabulary()));
                } catch (Column.Invalid e) {
                    if (at != null) {
                        found.add(new RuleProblem(table.path(), record.line(), at + 1, e.getMessage()));
                    }
                }
            }
            TableSchema.Values values = new TableSchema.Values(table.path(), record.line(), cells);
            if (found.isEmpty()) {
                RowChecks.check(values, index, found);
            }
            problems.addAll(found);
            if (found.isEmpty()) {
                rows.add(schema.build().apply(values));
            }
            declare(schema, values, index, declarations, problems);
        }
    }

    /**
     * Declares the row's word when its own cell is valid, even if another cell of the row is not: one
     * bad month in a rule-set.csv row is one problem, not one more for every table naming the rule set.
     */
    private static void declare(TableSchema schema, TableSchema.Values values, Map<String, Integer> index,
                                Declarations declarations, List<RuleProblem> problems) {
        if (schema.declares() == null || values.cells().get(schema.declaringColumn()) == null
                || schema.fileName().equals("vocabulary.csv") && values.cells().get("kind") == null) {
            return;
        }
        var word = schema.declares().apply(values);
        declarations.declare(word.getKey(), word.getValue(), values.source(), index.get(schema.declaringColumn()) + 1,
                problems);
    }

    /**
     * A table whose header is wrong: its rows are not read (their cells would be read against the
     * wrong columns), but the words they declare are, when the declaring column is in the header, so
     * one wrong column name is one problem, not one more for every table that names those words.
     */
    private static void declareOnly(TableSchema schema, CsvTable table, Map<String, Integer> index,
                                    Declarations declarations, List<RuleProblem> problems) {
        if (schema.declares() == null || !index.containsKey(schema.declaringColumn())
                || schema.fileName().equals("vocabulary.csv") && !index.containsKey("kind")) {
            return;
        }
        for (Record record : table.rows()) {
            Map<String, Object> cells = new HashMap<>();
            try {
                for (String name : List.of(schema.declaringColumn(), "kind")) {
                    Column column = schema.column(name);
                    if (column != null) {
                        cells.put(name, column.read(record.cell(index.get(name)), declarations.vocabulary()));
                    }
                }
            } catch (Column.Invalid e) {
                continue; // reported once the header is right
            }
            declare(schema, new TableSchema.Values(table.path(), record.line(), cells), index, declarations, problems);
        }
    }

    /** Column positions by name; a wrong header is reported (and then {@link #declareOnly} reads its rows). */
    private static Map<String, Integer> header(TableSchema schema, CsvTable table, List<RuleProblem> problems) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = table.header().cells();
        int line = table.header().line();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (schema.column(name) == null) {
                problems.add(new RuleProblem(table.path(), line, i + 1, "unknown column '" + name + "'; the columns of "
                        + schema.fileName() + " are " + String.join(", ", schema.columnNames())));
            } else if (index.putIfAbsent(name, i) != null) {
                problems.add(new RuleProblem(table.path(), line, i + 1, "column '" + name + "' appears twice"));
            }
        }
        for (Column column : schema.columns()) {
            if (column.required() && !index.containsKey(column.name())) {
                problems.add(new RuleProblem(table.path(), line, names.size() + 1, "column '" + column.name()
                        + "' is missing; it gives " + column.about()));
            }
        }
        return index;
    }

    /** Checks across the cells of one valid row: periods in order, add-on columns that belong together. */
    private static final class RowChecks {

        static void check(TableSchema.Values v, Map<String, Integer> index, List<RuleProblem> problems) {
            String from = v.text(TableSchemas.FROM);
            String to = v.text(TableSchemas.TO);
            if (from != null && to != null && from.compareTo(to) > 0) {
                problems.add(at(v, index, TableSchemas.TO, "effectiveFrom " + from + " is after effectiveTo " + to
                        + "; the row would never be in force"));
            }
            if (index.containsKey("addOnCode")) {
                boolean addOn = v.text("addOnCode") != null;
                for (String column : List.of("addOnFirstUnitMinutes", "addOnBlockMinutes")) {
                    if (addOn && v.integer(column) == null) {
                        problems.add(at(v, index, column, column + " is empty; a family with an add-on code gives the "
                                + "minutes of its add-on units"));
                    }
                }
                for (String column : List.of("addOnFirstUnitMinutes", "addOnBlockMinutes", "addOnMaxUnits")) {
                    if (!addOn && v.integer(column) != null) {
                        problems.add(at(v, index, column, column + " is set but addOnCode is empty; leave it empty "
                                + "or name the add-on code"));
                    }
                }
            }
        }

        private static RuleProblem at(TableSchema.Values v, Map<String, Integer> index, String column, String message) {
            return new RuleProblem(v.path(), v.line(), index.getOrDefault(column, -1) + 1, message);
        }
    }
}
