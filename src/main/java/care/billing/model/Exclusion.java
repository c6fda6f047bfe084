package care.billing.model;

/**
 * Derived: an entry's time does not count, for one code family or ({@code family == null}) for all.
 * {@code code}, {@code message} and {@code severity} become a finding when the entry counts nowhere.
 */
public record Exclusion(String entryId, String patientId, String family, String code, String message, String rule,
                        String severity) implements PerPatient {

    /** An exclusion explained by a {@code WARNING} finding. */
    public Exclusion(String entryId, String patientId, String family, String code, String message, String rule) {
        this(entryId, patientId, family, code, message, rule, "WARNING");
    }

    /** An exclusion from every family explained by an {@code ERROR} finding. */
    public static Exclusion error(String entryId, String patientId, String code, String message, String rule) {
        return new Exclusion(entryId, patientId, null, code, message, rule, "ERROR");
    }
}
