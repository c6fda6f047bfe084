package care.billing.evaluation;

import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import care.billing.ruleset.Vocabulary;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A valid request as the facts the rules reason over: absent flags are false, condition codes distinct and upper case, a blank provider the default one. */
final class RequestFacts {

    private RequestFacts() {
    }

    /** Payer codes are case-insensitive: a payer the tables know gets their spelling; another stays as sent. */
    static EvaluationInput of(EvaluationRequest request, Vocabulary vocabulary) {
        List<Patient> patients = request.patients().stream().map(p -> new Patient(p.id(),
                vocabulary.payer(p.payer()).orElse(p.payer()),
                p.chronicConditions() == null ? Set.of() : p.chronicConditions().stream()
                        .map(code -> code.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                p.consentDate(), Boolean.TRUE.equals(p.carePlanOnFile()), p.complexity())).toList();
        List<Staff> staff = request.staff().stream().map(s -> new Staff(s.id(), s.name(), s.credentials(), s.role(),
                Boolean.TRUE.equals(s.licensed()), s.teamCareTrainingDate(), s.careTeamStartDate(),
                Boolean.TRUE.equals(s.scopeOfServiceOnFile()))).toList();
        List<TimeEntry> entries = request.entries().stream().map(e -> new TimeEntry(e.id(), e.patientId(), e.staffId(),
                blankToNull(e.billingProviderId()), e.date(), e.minutes(), e.activity(), e.method(),
                e.counterpart(), e.note())).toList();
        return new EvaluationInput(ServiceMonth.of(YearMonth.parse(request.month())), patients, staff, entries,
                request.requestId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
