package care.billing.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/evaluations} (docs/api.md). Field-level rules are Bean Validation
 * constraints; the {@code @Schema} texts are what an integrator reads in {@code /q/openapi}. Words
 * of the billing vocabulary (complexity, staff role, contact method) are checked by {@link RequestReader}
 * against the tables of the rules in force, so a new word is a table row; {@code /q/openapi} lists the
 * words the rules know ({@code care.billing.web.VocabularyInDocument}).
 */
@Schema(name = "EvaluationRequest", description = "One service month of one practice: its patients, staff and time entries.")
public record EvaluationRequest(
        @Size(min = 1, max = 128, message = "must be 1 to 128 characters")
        @Schema(description = "Your identifier for this request, echoed as the first field of its result (and of the "
                + "problem a rejected batch line gets). Optional; 1 to 128 characters.",
                minLength = 1, maxLength = 128, examples = "claim-run-2026-03/000017")
        String requestId,
        @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM")
        @Schema(description = "The service month billed, as YYYY-MM.", pattern = "^\\d{4}-(0[1-9]|1[0-2])$",
                examples = "2026-03")
        String month,
        @NotNull
        @Schema(description = "The patients whose time is recorded this month; may be empty.")
        List<@NotNull @Valid PatientInput> patients,
        @NotNull
        @Schema(description = "The care-team members who recorded the time; may be empty.")
        List<@NotNull @Valid StaffInput> staff,
        @NotNull
        @Schema(description = "The month's time entries; may be empty. At most billing.limits.max-entries per request "
                + "(default 10,000; above it the answer is 413).")
        List<@NotNull @Valid EntryInput> entries) {

    @Schema(name = "Patient", description = "A patient of the month.")
    public record PatientInput(
            @NotBlank
            @Schema(description = "Your patient id, unique among the request's patients; claim lines and findings name it.",
                    examples = "P1")
            String id,
            @NotBlank
            @Schema(description = "The patient's payer this month, in any letter case. The rule tables decide which payers "
                    + "exist (payers.csv; the known ones are listed at the end of this text). Any other payer is "
                    + "accepted and gets no claim line and a NO_RULES_FOR_PAYER finding.")
            String payer,
            @Schema(description = "ICD-10-CM codes of chronic conditions expected to last at least 12 months; "
                    + "duplicates count once, case and surrounding blanks are ignored. Optional.",
                    examples = "[\"E11.9\", \"I10\"]")
            List<@NotBlank String> chronicConditions,
            @Schema(description = "Date the patient's consent to care "
                    + "management was documented, as YYYY-MM-DD; absent: no consent on file.", examples = "2025-11-02")
            LocalDate consentDate,
            @Schema(description = "Whether a care plan is on file; absent: false.", examples = "true")
            Boolean carePlanOnFile,
            @Schema(description = "Complexity of medical decision making, one of the COMPLEXITY words of the rules' "
                    + "vocabulary (listed in this schema's enumeration); complex CCM (99487/99489) needs moderate or high. "
                    + "Optional.")
            String complexity) {
    }

    @Schema(name = "Staff", description = "A care-team member who recorded time.")
    public record StaffInput(
            @NotBlank
            @Schema(description = "Your staff id, unique among the request's staff; entries name it.", examples = "S1")
            String id,
            @Schema(description = "Full name; documentation rules need it for the time to count.", examples = "Dana Lee")
            String name,
            @Schema(description = "Credentials as documented; documentation rules need them for the time to count.",
                    examples = "RN")
            String credentials,
            @NotNull
            @Schema(description = "The member's staff role, one of the ROLE words of the rules' vocabulary (listed in "
                    + "this schema's enumeration); the rule tables decide which roles' time counts towards which codes.")
            String role,
            @Schema(description = "Whether the member is licensed; absent: false.", examples = "true")
            Boolean licensed,
            @Schema(description = "Date the member completed team-based "
                    + "care training (a payer's staff requirement), as YYYY-MM-DD. Optional.", examples = "2025-06-01")
            LocalDate teamCareTrainingDate,
            @Schema(description = "Date the member started billing care-team "
                    + "codes, as YYYY-MM-DD; starts the training grace window of a payer that has one. Optional.",
                    examples = "2025-05-01")
            LocalDate careTeamStartDate,
            @Schema(description = "Unlicensed staff: whether a scope-of-service document is on file; absent: false.",
                    examples = "false")
            Boolean scopeOfServiceOnFile) {
    }

    @Schema(name = "Entry", description = "One documented piece of care-management work.")
    public record EntryInput(
            @NotBlank
            @Schema(description = "Your entry id, unique among the request's entries; claim lines and findings name it.",
                    examples = "E1")
            String id,
            @NotBlank
            @Schema(description = "The id of a patient of this request.", examples = "P1")
            String patientId,
            @NotBlank
            @Schema(description = "The id of a staff member of this request.", examples = "S1")
            String staffId,
            @Schema(description = "The billing provider (e.g. an NPI) the time is billed under; absent or blank: the one "
                    + "default provider.", examples = "1234567893")
            String billingProviderId,
            @NotNull
            @Schema(description = "Date of the work, as YYYY-MM-DD, inside the "
                    + "service month.", examples = "2026-03-04")
            LocalDate date,
            @NotNull @Min(value = 1, message = "must be a whole number from 1 to 1440")
            @Max(value = 1440, message = "must be a whole number from 1 to 1440")
            @Schema(description = "Duration of the work in minutes, a whole number from 1 to 1440.", minimum = "1",
                    maximum = "1440", examples = "22")
            Integer minutes,
            @NotBlank
            @Schema(description = "What the work was. The rule tables decide which activities count (activities.csv; the "
                    + "known ones are listed at the end of this text). An activity the rules do not know is accepted "
                    + "and gets an UNKNOWN_ACTIVITY finding.")
            String activity,
            @NotNull
            @Schema(description = "How the work was done, one of the contact methods of the rule tables (methods.csv; "
                    + "listed in this schema's enumeration); the tables decide which payers count each method.")
            String method,
            @Schema(description = "Who was contacted (a provider, an agency, or the patient for portal work); "
                    + "documentation rules need it for the time to count.", examples = "Home health agency")
            String counterpart,
            @Schema(description = "The nature of the discussion; documentation rules need it for the time to count.",
                    examples = "Scheduled in-home visits")
            String note) {
    }
}
