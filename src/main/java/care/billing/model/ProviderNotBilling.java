package care.billing.model;

/** Derived: a billing provider may not bill this patient this month. */
public record ProviderNotBilling(String patientId, String billingProviderId, String code, String message, String rule) implements PerPatient {
}
