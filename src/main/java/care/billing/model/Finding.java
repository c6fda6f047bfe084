package care.billing.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "The entries the finding explains when it is about time it does not name one by one (a "
                + "threshold gap, a code family not billed, a patient or billing provider that cannot bill): every entry "
                + "that does not count is named by a finding, by entryId or here. Absent when empty.",
                examples = "[\"E1\", \"E2\"]")
        List<String> entryIds,
        @Schema(description = "The finding in words, for the billing team.",
                examples = "22 countable minutes; 18 more reach 99439")
        String message,
        @Schema(description = "The rule that made the finding, in words.",
                examples = "Threshold gap: minutes still needed for the next add-on unit")
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
