package care.billing.evaluation;

import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;

import java.util.List;

/**
 * One validated service month: the facts Java inserts before the rules fire, and the caller's
 * {@code requestId} (null when none was sent), which the rules never see.
 */
public record EvaluationInput(ServiceMonth month, List<Patient> patients, List<Staff> staff, List<TimeEntry> entries,
                              String requestId) {

    public EvaluationInput {
        patients = List.copyOf(patients);
        staff = List.copyOf(staff);
        entries = List.copyOf(entries);
    }

    /** A month without a requestId. */
    public EvaluationInput(ServiceMonth month, List<Patient> patients, List<Staff> staff, List<TimeEntry> entries) {
        this(month, patients, staff, entries, null);
    }
}
