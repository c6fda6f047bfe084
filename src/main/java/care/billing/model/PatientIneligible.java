package care.billing.model;

/** Derived: a patient cannot be billed for one code family or ({@code family == null}) for any. */
public record PatientIneligible(String patientId, String family, String code, String message, String rule) implements PerPatient {
}
