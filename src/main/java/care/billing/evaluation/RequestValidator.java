package care.billing.evaluation;

import care.billing.ruleset.Vocabulary;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

/** The checks on a request that binds: its size, then Bean Validation's field constraints and the checks across fields. */
final class RequestValidator {

    private final Validator validator;
    private final int maxEntries;

    RequestValidator(Validator validator, int maxEntries) {
        this.validator = validator;
        this.maxEntries = maxEntries;
    }

    /** @throws RequestTooLargeException above the entry limit, before anything else is checked */
    void checkSize(EvaluationRequest request) {
        if (request.entries() != null && request.entries().size() > maxEntries) {
            throw new RequestTooLargeException("an evaluation may hold at most " + maxEntries + " entries; this one has "
                    + request.entries().size() + " (billing.limits.max-entries)", RequestReader.readable(request.requestId()));
        }
    }

    /** Every offending field, unsorted; empty when the request is valid; words checked against {@code vocabulary}. */
    List<FieldError> errors(EvaluationRequest request, Vocabulary vocabulary) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<EvaluationRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(Pointers.of(violation.getPropertyPath()), violation.getMessage()));
        }
        RequestReferences.check(request, errors);
        VocabularyCheck.check(request, vocabulary, errors);
        return errors;
    }
}
