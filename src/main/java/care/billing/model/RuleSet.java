package care.billing.model;

/**
 * A row of a {@code rule-set.csv} table: a period in which a rule set is in force. Like every table
 * row it is a fact only in the months it is in force, so the rules read its presence as "the rule
 * set is in force this month".
 */
public record RuleSet(
        String ruleSet,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    @Override
    public String periodKey() {
        return ruleSet;
    }

    @Override
    public RuleSet withRow(String row) {
        return new RuleSet(ruleSet, effectiveFrom, effectiveTo, citation, row);
    }
}
