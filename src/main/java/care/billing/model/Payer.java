package care.billing.model;

/** A row of a {@code payers.csv} table: a payer code of the requests and the rule set written for it. */
public record Payer(String payer, String ruleSet, String meaning, String citation, String row) {
}
