package care.billing.evaluation;

import care.billing.evaluation.EvaluationRequest.EntryInput;
import care.billing.evaluation.EvaluationRequest.PatientInput;
import care.billing.evaluation.EvaluationRequest.StaffInput;
import care.billing.ruleset.Term;
import care.billing.ruleset.Vocabulary;

import java.util.List;
import java.util.function.Function;

/**
 * The request fields that must be words of the rules' vocabulary: a patient's complexity, a staff
 * member's role, an entry's contact method. The allowed words come from the tables of the rules
 * snapshot that evaluates the request ({@code rules/common/vocabulary.csv}, {@code methods.csv}), so
 * a new method is a table row. Activities and payers are not checked: an unknown one is a finding.
 */
final class VocabularyCheck {

    private VocabularyCheck() {
    }

    static void check(EvaluationRequest request, Vocabulary vocabulary, List<FieldError> errors) {
        words("patients", request.patients(), "complexity", PatientInput::complexity, Term.COMPLEXITY, vocabulary, errors);
        words("staff", request.staff(), "role", StaffInput::role, Term.ROLE, vocabulary, errors);
        words("entries", request.entries(), "method", EntryInput::method, Term.METHOD, vocabulary, errors);
    }

    private static <T> void words(String list, List<T> items, String field, Function<T, String> value, Term kind,
                                  Vocabulary vocabulary, List<FieldError> errors) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String word = items.get(i) == null ? null : value.apply(items.get(i));
            if (word != null && !vocabulary.contains(kind, word)) {
                errors.add(new FieldError("/" + list + "/" + i + "/" + field, "must be one of " + vocabulary.listed(kind)));
            }
        }
    }
}
