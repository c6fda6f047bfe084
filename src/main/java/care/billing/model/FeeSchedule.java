package care.billing.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The fees in force for one rule set and service month, looked up by code. A rule set without a
 * fee table has an empty schedule: lines then carry no estimate.
 */
public record FeeSchedule(String ruleSet, Map<String, BigDecimal> amounts) {

    public FeeSchedule {
        amounts = Map.copyOf(amounts);
    }

    /** The allowed amount for {@code units} units of {@code code}, or null when the table has no fee for it. */
    public BigDecimal amount(String code, int units) {
        BigDecimal fee = code == null ? null : amounts.get(code);
        return fee == null ? null : fee.multiply(BigDecimal.valueOf(units));
    }
}
