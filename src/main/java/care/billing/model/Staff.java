package care.billing.model;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/**
 * A care-team member whose time is recorded. Class-reactive: staff facts are never modified, and so
 * Drools does not warn that a constraint calling a method with the role makes a pattern react to the
 * whole class.
 */
@ClassReactive
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
