package care.billing.model;

/** Derived: the rule set that governs a patient's payer (several payers may share one rule set). */
public record Coverage(String patientId, String payer, String ruleSet) implements PerPatient {
}
