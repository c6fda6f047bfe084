package care.billing.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Result: one billable code for a patient, billing provider and month. {@code minutes} and
 * {@code entryIds} are the family's pooled countable time the line rests on.
 */
@JsonPropertyOrder({"patientId", "payer", "billingProviderId", "code", "units", "minutes", "dateOfService",
        "entryIds", "rule", "estimatedAmount", "family", "source"})
public record ClaimLine(
        String patientId,
        String payer,
        String billingProviderId,
        String family,
        String code,
        int units,
        int minutes,
        LocalDate dateOfService,
        List<String> entryIds,
        String rule,
        String source,
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
