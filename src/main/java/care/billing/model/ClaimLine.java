package care.billing.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.definition.type.ClassReactive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Result: one billable code for a patient, billing provider and month. {@code minutes} and
 * {@code entryIds} are the family's pooled countable time the line rests on. Class-reactive: lines are
 * never modified, so a constraint such as {@code entryIds contains $eid} needs no property reactivity.
 */
@ClassReactive
@JsonPropertyOrder({"patientId", "payer", "billingProviderId", "code", "units", "minutes", "dateOfService",
        "entryIds", "rule", "estimatedAmount", "family", "source"})
@Schema(name = "ClaimLine", description = "One billable code for one patient, billing provider and month.")
public record ClaimLine(
        @Schema(description = "The patient's id, as in the request.", examples = "P1")
        String patientId,
        @Schema(description = "The patient's payer, as the rules' payers.csv spells it (a request may give the code in "
                + "any letter case).")
        String payer,
        @Schema(description = "The billing provider the line is billed under, as in the entries; null for the default "
                + "provider (entries without one).", nullable = true, examples = "1234567893")
        String billingProviderId,
        @Schema(description = "The code family of the rule table row that made the line: STAFF_CCM (99490/99439), "
                + "PHYSICIAN_CCM (99491/99437), COMPLEX_CCM (99487/99489); payer rule files may add others.",
                examples = "STAFF_CCM")
        String family,
        @Schema(description = "The CPT code billed.", examples = "99490")
        String code,
        @Schema(description = "Units of the code: 1 for a primary code, the full extra blocks of time for an add-on (up "
                + "to the payer's cap).", minimum = "1", examples = "1")
        int units,
        @Schema(description = "The countable minutes of the month the line rests on (pooled over the family's staff "
                + "under this billing provider).", minimum = "1", examples = "22")
        int minutes,
        @Schema(description = "Date of service, as YYYY-MM-DD: the last "
                + "day of the month, or the day the threshold was met, as the payer's table says.", examples = "2026-03-31")
        LocalDate dateOfService,
        @Schema(description = "The ids of the entries whose minutes count towards the line.", examples = "[\"E1\"]")
        List<String> entryIds,
        @Schema(description = "The rule that made the line, in words.",
                examples = "Medicare CCM: 99490 first 20 minutes, 99439 each further full 20 minutes, at most 2")
        String rule,
        @Schema(description = "The rule table row that made the line, as file:line under the rules directory.",
                examples = "payers/medicare/code-families.csv:13")
        String source,
        @Schema(description = "Estimated allowed amount in US dollars for all units of the line, from the payer's fee "
                + "table in force in the service month; null when the payer's rules have no fee for the code.",
                nullable = true, examples = "66.13")
        BigDecimal estimatedAmount,
        @JsonIgnore boolean addOn) implements PerPatient {

    public static ClaimLine forPrimary(Candidate c, LocalDate dateOfService) {
        return new ClaimLine(c.patientId(), c.payer(), c.billingProviderId(), c.family(), c.primaryCode(), 1,
                c.minutes(), dateOfService, c.entryIds(), c.rule(), c.source(), c.primaryAmount(), false);
    }

    public static ClaimLine forAddOn(Candidate c, LocalDate dateOfService) {
        return new ClaimLine(c.patientId(), c.payer(), c.billingProviderId(), c.family(), c.addOnCode(),
                c.addOnUnits(), c.minutes(), dateOfService, c.entryIds(), c.rule(), c.source(), c.addOnAmount(), true);
    }
}
