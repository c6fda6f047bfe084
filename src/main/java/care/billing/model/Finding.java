package care.billing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Result: why an entry did not count, why a code was not billed, or how far the next unit is.
 * {@code entryId} is always present (null for patient- and family-level findings); the other
 * optional fields appear only when they apply.
 */
@JsonPropertyOrder({"severity", "code", "patientId", "entryId", "billingProviderId", "family", "targetCode",
        "countableMinutes", "minutesNeeded", "message", "rule"})
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
        String message,
        String rule) implements PerPatient {

    public static Finding forPatient(String severity, String code, String patientId, String message, String rule) {
        return new Finding(severity, code, patientId, null, null, null, null, null, null, message, rule);
    }

    public static Finding forEntry(String severity, String code, String patientId, String entryId,
                                   String message, String rule) {
        return new Finding(severity, code, patientId, entryId, null, null, null, null, null, message, rule);
    }

    public static Finding forFamily(String severity, String code, String patientId, String billingProviderId,
                                    String family, String message, String rule) {
        return new Finding(severity, code, patientId, null, billingProviderId, family, null, null, null, message, rule);
    }

    public static Finding gap(String patientId, String billingProviderId, String family, String targetCode,
                              int countableMinutes, int minutesNeeded, String message, String rule) {
        return new Finding("INFO", "THRESHOLD_GAP", patientId, null, billingProviderId, family, targetCode,
                countableMinutes, minutesNeeded, message, rule);
    }
}
