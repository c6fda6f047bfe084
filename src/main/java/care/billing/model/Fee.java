package care.billing.model;

import java.math.BigDecimal;

/** A row of a {@code fees.csv} table: the allowed amount for one unit of a code under a rule set. */
public record Fee(
        String ruleSet,
        String code,
        BigDecimal amount,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    @Override
    public String periodKey() {
        return ruleSet + " " + code;
    }

    @Override
    public Fee withRow(String row) {
        return new Fee(ruleSet, code, amount, effectiveFrom, effectiveTo, citation, row);
    }
}
