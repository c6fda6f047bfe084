package care.billing.tables;

/**
 * A row of a {@code code-families.csv} table: one code family of a rule set, with the minutes
 * that reach the primary code, where add-on units start, their block length and cap.
 *
 * @param addOnMaxUnits null when the payer sets no monthly cap
 * @param preference family order on a fee tie or without fees: lower wins
 * @param dateOfService {@code LAST_DAY_OF_MONTH} or {@code THRESHOLD_MET}
 */
public record CodeFamily(
        String ruleSet,
        String family,
        String name,
        String primaryCode,
        int primaryMinutes,
        String addOnCode,
        Integer addOnFirstUnitMinutes,
        Integer addOnBlockMinutes,
        Integer addOnMaxUnits,
        int preference,
        String dateOfService,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    @Override
    public CodeFamily withRow(String row) {
        return new CodeFamily(ruleSet, family, name, primaryCode, primaryMinutes, addOnCode, addOnFirstUnitMinutes,
                addOnBlockMinutes, addOnMaxUnits, preference, dateOfService, effectiveFrom, effectiveTo, citation, row);
    }
}
