package care.billing.model;

/**
 * Derived: the rule set that bills a patient's payer in the service month: written for the payer
 * (its {@code payers.csv} row) and in force in the month. Several payers may share one rule set.
 */
public record Coverage(String patientId, String payer, String ruleSet) implements PerPatient {
}
