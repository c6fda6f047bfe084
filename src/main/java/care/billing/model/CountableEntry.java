package care.billing.model;

/** Derived: an entry that counts toward at least one code family (its minutes counted once). */
public record CountableEntry(String entryId, String patientId, String billingProviderId, int minutes) implements PerPatient {
}
