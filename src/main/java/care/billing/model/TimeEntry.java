package care.billing.model;

import java.time.LocalDate;

/** One documented piece of care-management work. {@code billingProviderId} may be null (the default provider). */
public record TimeEntry(
        String id,
        String patientId,
        String staffId,
        String billingProviderId,
        LocalDate date,
        int minutes,
        String activity,
        String method,
        String counterpart,
        String note) implements PerPatient {
}
