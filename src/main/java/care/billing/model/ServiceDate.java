package care.billing.model;

import java.time.LocalDate;

/** Derived: the date of service for every line of one family. */
public record ServiceDate(String patientId, String billingProviderId, String family, LocalDate date) implements PerPatient {
}
