package care.billing.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A regression scenario (rules/README.md): a request and the exact claim lines and finding codes
 * the rules must produce for it.
 *
 * @param file path of the scenario file relative to the rules directory
 * @param proves the billing-rules.md section or payer document the scenario pins
 */
public record Scenario(String file, String description, String proves, JsonNode request, Expected expect) {

    public record Expected(List<ExpectedLine> claimLines, List<String> findings) {

        public Expected {
            claimLines = claimLines == null ? List.of() : List.copyOf(claimLines);
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /**
     * An expected claim line; {@code estimatedAmount} is compared only when given: a number is the
     * estimate, {@code null} written out ({@code estimatedAmount: null}) says the line has none.
     *
     * @param estimatedAmount as written: null when the key is absent, a null node for "no estimate"
     */
    public record ExpectedLine(String patientId, String billingProviderId, String code, int units, int minutes,
                               String dateOfService, JsonNode estimatedAmount) {

        /** Whether the scenario states the line's estimate (an amount, or that there is none). */
        public boolean amountGiven() {
            return estimatedAmount != null && !estimatedAmount.isMissingNode();
        }

        /** The stated amount; null when the scenario says there is none or says nothing. */
        public BigDecimal amount() {
            return amountGiven() && estimatedAmount.isNumber() ? estimatedAmount.decimalValue() : null;
        }
    }
}
