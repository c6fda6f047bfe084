package care.billing.model;

/** Derived: a patient, billing provider and code family with counted time; one pool is totalled per key. */
public record FamilyKey(String patientId, String billingProviderId, String ruleSet, String family) implements PerPatient {
}
