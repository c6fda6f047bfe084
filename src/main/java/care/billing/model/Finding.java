package care.billing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Result: why an entry did not count, why a code was not billed, or how far the next unit is.
 * {@code entryId} is always present (null for patient- and family-level findings); the other
 * optional fields appear only when they apply. A finding that explains time it does not name one
 * by one (a pool below its threshold, a family not billed, a patient or provider that cannot bill)
 * lists those entries in {@code entryIds}, sorted: every entry that does not count is named by a
 * finding, for each family its time could have counted toward.
 */
@JsonPropertyOrder({"severity", "code", "patientId", "entryId", "billingProviderId", "family", "targetCode",
        "countableMinutes", "minutesNeeded", "entryIds", "message", "rule"})
public record Finding(
        String severity,
        String code,
        String patientId,
        String entryId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String billingProviderId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String family,
        @JsonInclude(JsonInclude.Include.NON_NULL) String targetCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer countableMinutes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer minutesNeeded,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> entryIds,
        String message,
        String rule) implements PerPatient {

    public Finding {
        entryIds = entryIds == null ? List.of() : List.copyOf(new TreeSet<>(entryIds));
    }

    /** About the patient as a whole: {@code entryIds} are all of the patient's entries. */
    public static Finding forPatient(String severity, String code, String patientId, Collection<String> entryIds,
                                     String message, String rule) {
        return new Finding(severity, code, patientId, null, null, null, null, null, null, List.copyOf(entryIds),
                message, rule);
    }

    public static Finding forEntry(String severity, String code, String patientId, String entryId,
                                   String message, String rule) {
        return forEntry(severity, code, patientId, entryId, null, message, rule);
    }

    /** About one entry, for one family ({@code family} set) or for every family (null). */
    public static Finding forEntry(String severity, String code, String patientId, String entryId, String family,
                                   String message, String rule) {
        return new Finding(severity, code, patientId, entryId, null, family, null, null, null, null, message, rule);
    }

    /** About a billing provider's time for the patient, in one family or ({@code family} null) in all. */
    public static Finding forFamily(String severity, String code, String patientId, String billingProviderId,
                                    String family, Collection<String> entryIds, String message, String rule) {
        return new Finding(severity, code, patientId, null, billingProviderId, family, null, null, null,
                entryIds == null ? null : List.copyOf(entryIds), message, rule);
    }

    /** The minutes a family's pool still needs for {@code targetCode}; {@code entryIds} are the pool's entries. */
    public static Finding gap(String patientId, String billingProviderId, String family, String targetCode,
                              int countableMinutes, int minutesNeeded, Collection<String> entryIds, String message,
                              String rule) {
        return new Finding("INFO", "THRESHOLD_GAP", patientId, null, billingProviderId, family, targetCode,
                countableMinutes, minutesNeeded, List.copyOf(entryIds), message, rule);
    }
}
