package care.billing.model;

import java.time.LocalDate;
import java.util.Set;

/** A patient as the request describes them; chronic conditions are distinct codes. */
public record Patient(
        String id,
        String payer,
        Set<String> chronicConditions,
        LocalDate consentDate,
        boolean carePlanOnFile,
        String complexity) {

    public Patient {
        chronicConditions = Set.copyOf(chronicConditions);
    }
}
