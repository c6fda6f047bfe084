package care.billing.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/evaluations} (api.md). Field-level rules are Bean Validation
 * constraints; words of the billing vocabulary (complexity, staff role, contact method) are checked
 * by {@link RequestReader} against the tables of the rules in force, so a new word is a table row.
 */
public record EvaluationRequest(
        @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") String month,
        @NotNull List<@NotNull @Valid PatientInput> patients,
        @NotNull List<@NotNull @Valid StaffInput> staff,
        @NotNull List<@NotNull @Valid EntryInput> entries) {

    public record PatientInput(
            @NotBlank String id,
            @NotBlank String payer,
            List<@NotBlank String> chronicConditions,
            LocalDate consentDate,
            Boolean carePlanOnFile,
            String complexity) {
    }

    public record StaffInput(
            @NotBlank String id,
            String name,
            String credentials,
            @NotNull String role,
            Boolean licensed,
            LocalDate teamCareTrainingDate,
            LocalDate careTeamStartDate,
            Boolean scopeOfServiceOnFile) {
    }

    public record EntryInput(
            @NotBlank String id,
            @NotBlank String patientId,
            @NotBlank String staffId,
            String billingProviderId,
            @NotNull LocalDate date,
            @NotNull @Min(1) @Max(1440) Integer minutes,
            @NotBlank String activity,
            @NotNull String method,
            String counterpart,
            String note) {
    }
}
