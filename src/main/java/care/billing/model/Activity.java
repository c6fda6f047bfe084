package care.billing.model;

/** A row of an {@code activities.csv} table: an activity the rules know, and whether its time counts. */
public record Activity(
        String activity,
        boolean counts,
        String meaning,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    @Override
    public Activity withRow(String row) {
        return new Activity(activity, counts, meaning, effectiveFrom, effectiveTo, citation, row);
    }
}
