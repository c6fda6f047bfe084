package care.billing.bench;

import care.billing.evaluation.EvaluationInput;
import care.billing.model.ClaimLine;
import care.billing.model.Patient;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Medicare claim lines of billing-rules.md §2-§3, §5-§8 as a plain loop, written only to price
 * the rules engine in the benchmark (it makes no findings and knows no other payer). Everything it
 * hard-codes lives in rules/ for the service.
 */
final class HandWrittenMedicare {

    private record Family(String name, String primary, int primaryMinutes, String addOn, int firstUnit, int block,
                          int cap, int preference) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("COMPLEX_CCM", "99487", 60, "99489", 90, 30, Integer.MAX_VALUE, 1),
            new Family("PHYSICIAN_CCM", "99491", 30, "99437", 60, 30, Integer.MAX_VALUE, 2),
            new Family("STAFF_CCM", "99490", 20, "99439", 40, 20, 2, 3));
    private static final Set<String> COUNTING = Set.of("CARE_COORDINATION", "COMMUNITY_RESOURCES",
            "DRUG_FINANCIAL_ASSISTANCE", "PATIENT_ASSISTANCE_APPLICATION", "TREATMENT_CONFIRMATION",
            "SPECIALTY_PHARMACY_FIRST_FILL", "ONLINE_FORMS", "RESOURCE_RESEARCH", "CARE_PLAN", "MEDICATION_MANAGEMENT",
            "PATIENT_COMMUNICATION");
    private static final Map<String, BigDecimal> FEES = Map.of("99490", new BigDecimal("66.13"),
            "99439", new BigDecimal("50.44"), "99491", new BigDecimal("89.18"), "99437", new BigDecimal("63.13"),
            "99487", new BigDecimal("144.29"), "99489", new BigDecimal("78.16"));

    List<ClaimLine> evaluate(EvaluationInput input) {
        Map<String, Staff> staff = new HashMap<>();
        input.staff().forEach(s -> staff.put(s.id(), s));
        List<ClaimLine> lines = new ArrayList<>();
        for (Patient patient : input.patients()) {
            if (!patient.payer().equals("MEDICARE") || patient.chronicConditions().size() < 2
                    || patient.consentDate() == null || !patient.carePlanOnFile()) {
                continue;
            }
            boolean complexOk = "MODERATE".equals(patient.complexity()) || "HIGH".equals(patient.complexity());
            Map<String, Map<String, List<TimeEntry>>> byProvider = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            Map<String, Integer> providerMinutes = new HashMap<>();
            for (TimeEntry e : input.entries()) {
                Staff s = staff.get(e.staffId());
                if (!e.patientId().equals(patient.id()) || !COUNTING.contains(e.activity())
                        || e.method().equals("IN_PERSON") || e.method().equals("VIDEO") || blank(s.name())
                        || blank(s.credentials()) || blank(e.counterpart()) || blank(e.note())
                        || e.date().isBefore(patient.consentDate()) || s.role().equals("NON_CLINICAL")) {
                    continue;
                }
                Map<String, List<TimeEntry>> families = byProvider.computeIfAbsent(e.billingProviderId(), k -> new HashMap<>());
                for (Family f : FAMILIES) {
                    if (f.name().equals("PHYSICIAN_CCM") && s.role().equals("CLINICAL_STAFF")) {
                        continue;
                    }
                    families.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(e);
                }
                providerMinutes.merge(e.billingProviderId() == null ? "" : e.billingProviderId(), e.minutes(), Integer::sum);
            }
            String billing = providerMinutes.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(null);
            byProvider.forEach((provider, families) -> {
                if (!(provider == null ? "" : provider).equals(billing)) {
                    return;
                }
                Family best = null;
                long bestCents = -1;
                int bestUnits = 0;
                int bestMinutes = 0;
                for (Family f : FAMILIES) {
                    List<TimeEntry> counted = families.get(f.name());
                    int minutes = counted == null ? 0 : counted.stream().mapToInt(TimeEntry::minutes).sum();
                    if (minutes < f.primaryMinutes() || f.name().equals("COMPLEX_CCM") && !complexOk) {
                        continue;
                    }
                    int units = minutes < f.firstUnit() ? 0 : Math.min(f.cap(), 1 + (minutes - f.firstUnit()) / f.block());
                    long cents = FEES.get(f.primary()).add(FEES.get(f.addOn()).multiply(BigDecimal.valueOf(units)))
                            .movePointRight(2).longValue();
                    if (cents > bestCents || cents == bestCents && f.preference() < best.preference()) {
                        best = f;
                        bestCents = cents;
                        bestUnits = units;
                        bestMinutes = minutes;
                    }
                }
                if (best != null) {
                    List<String> ids = families.get(best.name()).stream().map(TimeEntry::id).sorted().toList();
                    lines.add(new ClaimLine(patient.id(), patient.payer(), provider, best.name(), best.primary(), 1,
                            bestMinutes, input.month().lastDay(), ids, null, null, FEES.get(best.primary()), false));
                    if (bestUnits > 0) {
                        lines.add(new ClaimLine(patient.id(), patient.payer(), provider, best.name(), best.addOn(),
                                bestUnits, bestMinutes, input.month().lastDay(), ids, null, null,
                                FEES.get(best.addOn()).multiply(BigDecimal.valueOf(bestUnits)), true));
                    }
                }
            });
        }
        return lines;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
