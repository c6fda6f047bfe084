package care.billing.ruleset;

import care.billing.model.TableRow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two rows with the same {@link TableRow#periodKey()} in force in one month would leave the rules to
 * pick one by file order; the later row is reported instead, at its {@code effectiveFrom} cell.
 */
final class Overlaps {

    private Overlaps() {
    }

    /** @param fromColumn the column number of {@code effectiveFrom} in each table file, by path */
    static void check(List<? extends TableRow> rows, Map<String, Integer> fromColumn, List<RuleProblem> problems) {
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            for (int j = 0; j < i; j++) {
                TableRow earlier = rows.get(j);
                if (row.periodKey() != null && row.periodKey().equals(earlier.periodKey()) && overlap(row, earlier)) {
                    int colon = row.row().lastIndexOf(':');
                    String path = row.row().substring(0, colon);
                    problems.add(new RuleProblem(path, Integer.parseInt(row.row().substring(colon + 1)),
                            fromColumn.getOrDefault(path, 0), "the period " + period(row) + " of " + row.periodKey() + " overlaps " + period(earlier)
                            + " at " + earlier.row() + "; one row per month"));
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

    static boolean backwards(TableRow row) {
        return row.effectiveFrom() != null && row.effectiveTo() != null
                && row.effectiveFrom().compareTo(row.effectiveTo()) > 0;
    }

    private static String period(TableRow row) {
        return Objects.toString(row.effectiveFrom(), "(open)") + ".." + Objects.toString(row.effectiveTo(), "(open)");
    }
}
