package care.billing.model;

/**
 * Derived: the rule set written for a patient's payer, whether or not it is in force in the service
 * month (several payers may share one rule set). The rules turn it into a {@link Coverage} in the
 * months the rule set's {@code rule-set.csv} rows put it in force.
 */
public record PayerRuleSet(String patientId, String payer, String ruleSet) implements PerPatient {
}
