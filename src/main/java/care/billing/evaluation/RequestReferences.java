package care.billing.evaluation;

import care.billing.evaluation.EvaluationRequest.EntryInput;
import care.billing.evaluation.EvaluationRequest.PatientInput;
import care.billing.evaluation.EvaluationRequest.StaffInput;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The checks across fields: ids unique per list, entries naming a patient and staff member of the request, dates inside the month. */
final class RequestReferences {

    private RequestReferences() {
    }

    static void check(EvaluationRequest request, List<FieldError> errors) {
        Set<String> patientIds = uniqueIds("patients", request.patients(), PatientInput::id, errors);
        Set<String> staffIds = uniqueIds("staff", request.staff(), StaffInput::id, errors);
        uniqueIds("entries", request.entries(), EntryInput::id, errors);
        if (request.entries() == null) {
            return;
        }
        YearMonth month = parseMonth(request.month());
        for (int i = 0; i < request.entries().size(); i++) {
            EntryInput entry = request.entries().get(i);
            if (entry == null) {
                continue;
            }
            if (entry.patientId() != null && request.patients() != null && !patientIds.contains(entry.patientId())) {
                errors.add(new FieldError("/entries/" + i + "/patientId", "no patient with id '" + entry.patientId() + "'"));
            }
            if (entry.staffId() != null && request.staff() != null && !staffIds.contains(entry.staffId())) {
                errors.add(new FieldError("/entries/" + i + "/staffId", "no staff member with id '" + entry.staffId() + "'"));
            }
            if (month != null && entry.date() != null && !YearMonth.from(entry.date()).equals(month)) {
                errors.add(new FieldError("/entries/" + i + "/date", "must be a date inside the service month " + month));
            }
        }
    }

    private static <T> Set<String> uniqueIds(String list, List<T> items, Function<T, String> id, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        if (items == null) {
            return seen;
        }
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i) == null ? null : id.apply(items.get(i));
            if (value != null && !seen.add(value)) {
                errors.add(new FieldError("/" + list + "/" + i + "/id", "duplicate id '" + value + "'"));
            }
        }
        return seen;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? null : YearMonth.parse(month);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
