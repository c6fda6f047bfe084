package care.billing.model;

/**
 * A row of a data table under {@code rules/}. Rows carry an optional effective range of service
 * months ({@code YYYY-MM}, inclusive; blank means open) and, once loaded, where they came from.
 */
public interface TableRow {

    String effectiveFrom();

    String effectiveTo();

    /** {@code file:line} of the row, for explanations; set by the loader. */
    String row();

    TableRow withRow(String row);

    /**
     * What the row sets, for the overlap check: two rows of one table kind with the same key may not
     * be in force in the same month (a fee, a family, a rule set's period would be ambiguous). Null
     * for rows that are not checked.
     */
    default String periodKey() {
        return null;
    }

    default boolean inForce(String month) {
        return (effectiveFrom() == null || effectiveFrom().compareTo(month) <= 0)
                && (effectiveTo() == null || effectiveTo().compareTo(month) >= 0);
    }
}
