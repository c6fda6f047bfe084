package care.billing.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Derived: a code family whose primary threshold is reached for a patient and billing provider,
 * with the add-on units the rules allow (and would allow without a cap) and its estimated amount. The best candidate is billed.
 *
 * @param rankCents the estimated amount in cents (0 without a fee table), the family-choice key
 */
public record Candidate(
        String patientId,
        String payer,
        String billingProviderId,
        String ruleSet,
        String family,
        String primaryCode,
        String addOnCode,
        int addOnUnits,
        int uncappedAddOnUnits,
        int minutes,
        List<String> entryIds,
        BigDecimal primaryAmount,
        BigDecimal addOnAmount,
        long rankCents,
        int preference,
        String rule,
        String source) implements PerPatient {

    public static Candidate of(FamilyTotal total, CodeFamily family, String payer, int addOnUnits,
                               int uncappedAddOnUnits, BigDecimal primaryAmount, BigDecimal addOnAmount) {
        BigDecimal rank = BigDecimal.ZERO;
        if (primaryAmount != null) {
            rank = rank.add(primaryAmount);
        }
        if (addOnAmount != null) {
            rank = rank.add(addOnAmount);
        }
        return new Candidate(total.patientId(), payer, total.billingProviderId(), total.ruleSet(), total.family(),
                family.primaryCode(), family.addOnCode(), addOnUnits, uncappedAddOnUnits, total.minutes(), List.copyOf(total.entryIds()),
                primaryAmount, addOnAmount, rank.movePointRight(2).longValue(), family.preference(),
                family.description(), family.row());
    }
}
