package care.billing.model;

/**
 * Derived: an entry's time does not count, for one code family or ({@code family == null}) for all.
 * {@code code} and {@code message} become a finding when the entry counts nowhere.
 */
public record Exclusion(String entryId, String patientId, String family, String code, String message, String rule) implements PerPatient {
}
