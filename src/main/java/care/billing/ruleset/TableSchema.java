package care.billing.ruleset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The schema of one kind of table, recognised by its file name: its columns, how a valid row becomes
 * a fact, and which word of the vocabulary the row declares, if any.
 *
 * @param build    the fact of a row whose cells are all valid
 * @param declares the word a row declares (kind and word), or null for tables that declare none
 */
record TableSchema(String fileName, String about, List<Column> columns, Function<Values, Object> build,
                   Function<Values, Map.Entry<Term, String>> declares) {

    /** The valid cells of one row, by column name, and where the row is. */
    record Values(String path, int line, Map<String, Object> cells) {

        String source() {
            return path + ":" + line;
        }

        String text(String column) {
            return (String) cells.get(column);
        }

        Integer integer(String column) {
            return (Integer) cells.get(column);
        }

        BigDecimal decimal(String column) {
            return (BigDecimal) cells.get(column);
        }

        boolean bool(String column) {
            return (Boolean) cells.get(column);
        }

        @SuppressWarnings("unchecked")
        Set<String> words(String column) {
            Object words = cells.get(column);
            return words == null ? Set.of() : (Set<String>) words;
        }

        Term term(String column) {
            return (Term) cells.get(column);
        }
    }

    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The column holding the word a row declares: {@code word} in the vocabulary, else the first. */
    String declaringColumn() {
        return column("word") != null ? "word" : columns.get(0).name();
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
