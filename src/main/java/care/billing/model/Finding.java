package care.billing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Result: why an entry did not count, why a code was not billed, or how far the next unit is.
 * {@code entryId} is always present (null for patient- and family-level findings); the other
 * optional fields appear only when they apply.
 */
@JsonPropertyOrder({"severity", "code", "patientId", "entryId", "billingProviderId", "family", "targetCode",
        "countableMinutes", "minutesNeeded", "message", "rule"})
@Schema(name = "Finding", description = "An explanation: why an entry did not count, why a code was not billed, or how "
        + "many minutes reach the next code.")
public record Finding(
        @Schema(description = "INFO: for the billing team (e.g. a threshold gap); WARNING: time or a code lost to a rule; "
                + "ERROR: the month could not be billed as sent (e.g. no rules for the payer).",
                enumeration = {"INFO", "WARNING", "ERROR"}, examples = "WARNING")
        String severity,
        @Schema(description = "What kind of finding; the rule files decide the codes. Bundled: THRESHOLD_GAP, "
                + "ACTIVITY_NEVER_COUNTS, UNKNOWN_ACTIVITY, METHOD_NOT_COUNTABLE, FACE_TO_FACE, DOCUMENTATION_INCOMPLETE, "
                + "STAFF_ROLE_NOT_COUNTABLE, UNLICENSED_STAFF, SCOPE_OF_SERVICE_MISSING, TEAM_CARE_TRAINING_MISSING, "
                + "PHYSICIAN_NOT_BILLABLE, TOO_FEW_CHRONIC_CONDITIONS, NO_CONSENT, BEFORE_CONSENT, NO_CARE_PLAN, "
                + "COMPLEXITY_NOT_MET, ONE_PRACTITIONER_PER_MONTH, ALTERNATIVE_NOT_BILLED, ADD_ON_CAP_REACHED, "
                + "NOT_COVERED_BY_PAYER, NO_RULES_FOR_PAYER, NO_RULES_IN_FORCE, IMPLAUSIBLE_DAILY_TIME.",
                examples = "ACTIVITY_NEVER_COUNTS")
        String code,
        @Schema(description = "The patient the finding is about.", examples = "P1")
        String patientId,
        @Schema(description = "The entry the finding is about; null for a finding about the patient or a code family.",
                nullable = true, examples = "E2")
        String entryId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The billing provider of a code-family finding; absent otherwise.", examples = "1234567893")
        String billingProviderId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The code family of a code-family finding; absent otherwise.", examples = "STAFF_CCM")
        String family,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "THRESHOLD_GAP: the code the missing minutes reach; absent otherwise.", examples = "99439")
        String targetCode,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "THRESHOLD_GAP: the countable minutes of the month; absent otherwise.", minimum = "0",
                examples = "22")
        Integer countableMinutes,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "THRESHOLD_GAP: the minutes still needed to reach targetCode; absent otherwise.",
                minimum = "1", examples = "18")
        Integer minutesNeeded,
        @Schema(description = "The finding in words, for the billing team.",
                examples = "22 countable minutes; 18 more reach 99439")
        String message,
        @Schema(description = "The rule that made the finding, in words.",
                examples = "Threshold gap: minutes still needed for the next add-on unit")
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
