package care.billing.evaluation;

import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;

import java.util.List;

/** One validated service month: the facts Java inserts before the rules fire. */
public record EvaluationInput(ServiceMonth month, List<Patient> patients, List<Staff> staff, List<TimeEntry> entries) {

    public EvaluationInput {
        patients = List.copyOf(patients);
        staff = List.copyOf(staff);
        entries = List.copyOf(entries);
    }
}
