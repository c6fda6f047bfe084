package care.billing.model;

/** Derived: a patient and billing provider with time entries; pools and provider totals are summed per key. */
public record ProviderKey(String patientId, String billingProviderId) implements PerPatient {
}
