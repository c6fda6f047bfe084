package care.billing.model;

/** Derived: the one code family billed for a patient and billing provider this month. */
public record Chosen(String patientId, String billingProviderId, String family, Candidate candidate) implements PerPatient {

    public static Chosen of(Candidate candidate) {
        return new Chosen(candidate.patientId(), candidate.billingProviderId(), candidate.family(), candidate);
    }
}
