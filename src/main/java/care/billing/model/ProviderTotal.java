package care.billing.model;

/**
 * Derived: a patient's countable minutes under one billing provider, across families.
 * {@code providerKey} orders providers (the default provider, id null, sorts first).
 */
public record ProviderTotal(String patientId, String billingProviderId, String providerKey, int minutes) implements PerPatient {

    public static ProviderTotal of(String patientId, String billingProviderId, Number minutes) {
        return new ProviderTotal(patientId, billingProviderId,
                billingProviderId == null ? "" : billingProviderId, minutes.intValue());
    }
}
