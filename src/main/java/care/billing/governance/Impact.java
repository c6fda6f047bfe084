package care.billing.governance;

import care.billing.evaluation.Evaluation;
import care.billing.model.ClaimLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/v1/rules/impact}: how the candidate rules on disk would change the claim lines of
 * a request compared with the rules serving now, before anyone reloads. Lines are matched by
 * patient, billing provider and code.
 */
@Schema(name = "Impact", description = "How the rules on disk would bill a request, against the rules serving. Lines "
        + "are matched by patient, billing provider and code.")
public record Impact(
        @Schema(description = "The version serving now.", pattern = "^sha256:[0-9a-f]{64}$")
        String loadedVersion,
        @Schema(description = "The version of the rules on disk.", pattern = "^sha256:[0-9a-f]{64}$")
        String candidateVersion,
        @Schema(description = "Lines only the rules on disk produce.")
        List<ClaimLine> appeared,
        @Schema(description = "Lines only the rules serving produce.")
        List<ClaimLine> disappeared,
        @Schema(description = "Lines both produce, differing in units, minutes, date of service, entries or amount.")
        List<Change> changed,
        @Schema(description = "Estimated amount under the rules on disk minus under the rules serving, in US dollars "
                + "(lines without an estimate count 0).", examples = "3.87")
        BigDecimal estimatedAmountDifference) {

    @Schema(name = "ImpactChange", description = "A claim line under the rules serving and under the rules on disk.")
    public record Change(
            @Schema(description = "The line the rules serving produce.")
            ClaimLine before,
            @Schema(description = "The line the rules on disk produce.")
            ClaimLine after) {
    }

    public static Impact between(Evaluation loaded, Evaluation candidate) {
        Map<String, ClaimLine> before = byKey(loaded.claimLines());
        Map<String, ClaimLine> after = byKey(candidate.claimLines());
        List<ClaimLine> appeared = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.forEach((key, line) -> {
            ClaimLine old = before.get(key);
            if (old == null) {
                appeared.add(line);
            } else if (!same(old, line)) {
                changed.add(new Change(old, line));
            }
        });
        List<ClaimLine> disappeared = before.entrySet().stream()
                .filter(e -> !after.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
        BigDecimal difference = amount(candidate).subtract(amount(loaded));
        return new Impact(loaded.rulesVersion(), candidate.rulesVersion(), appeared, disappeared, changed, difference);
    }

    private static Map<String, ClaimLine> byKey(List<ClaimLine> lines) {
        Map<String, ClaimLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.patientId() + "|" + l.billingProviderId() + "|" + l.code(), l));
        return map;
    }

    private static boolean same(ClaimLine a, ClaimLine b) {
        return a.units() == b.units() && a.minutes() == b.minutes()
                && Objects.equals(a.dateOfService(), b.dateOfService())
                && Objects.equals(a.entryIds(), b.entryIds())
                && compare(a.estimatedAmount(), b.estimatedAmount());
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal amount(Evaluation evaluation) {
        BigDecimal total = evaluation.estimatedAmount();
        return total == null ? BigDecimal.ZERO : total;
    }
}
