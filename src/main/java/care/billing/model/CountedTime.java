package care.billing.model;

import java.time.LocalDate;

/** Derived: an entry's minutes count toward one code family of the patient's rule set. */
public record CountedTime(
        String entryId,
        String patientId,
        String billingProviderId,
        String ruleSet,
        String family,
        int minutes,
        LocalDate date) implements PerPatient {
}
