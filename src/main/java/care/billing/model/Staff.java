package care.billing.model;

import java.time.LocalDate;

/** A care-team member whose time is recorded. */
public record Staff(
        String id,
        String name,
        String credentials,
        String role,
        boolean licensed,
        LocalDate teamCareTrainingDate,
        LocalDate careTeamStartDate,
        boolean scopeOfServiceOnFile) {
}
