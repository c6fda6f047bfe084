package care.billing.model;

/** Derived: a patient and billing provider with countable time; one provider total is summed per key. */
public record ProviderKey(String patientId, String billingProviderId) implements PerPatient {
}
