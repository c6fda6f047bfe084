package care.billing.evaluation;

import care.billing.ruleset.Vocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a request body into validated facts, or rejects it whole naming every offending field by
 * JSON pointer in the caller's words. A body is bound directly ({@link StrictJson}); only when that
 * fails is it read again to name everything wrong with it ({@link JsonSyntax}: where the text stops
 * being JSON, fields given twice; {@link RequestShape}: unknown fields, values of the wrong type),
 * and what is left is validated too. A body that binds is validated ({@link RequestValidator}) and
 * converted ({@link RequestFacts}). Nothing reaches the rules half-validated.
 */
public final class RequestReader {

    /** Longest requestId echoed (docs/api.md "Correlation"). */
    static final int MAX_REQUEST_ID = 128;

    private static final Comparator<FieldError> ORDER = Comparator
            .comparing(FieldError::pointer, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FieldError::detail);

    private final ObjectMapper mapper;
    private final ObjectReader binder;
    private final RequestShape shape;
    private final RequestValidator validator;

    public RequestReader(Validator validator, int maxEntries) {
        this.mapper = StrictJson.mapper();
        this.binder = mapper.readerFor(EvaluationRequest.class);
        this.shape = new RequestShape(mapper, EvaluationRequest.class);
        this.validator = new RequestValidator(validator, maxEntries);
    }

    /**
     * A request body as sent: JSON text, UTF-8. Its words (roles, methods, complexity) are checked
     * against {@code vocabulary}, that of the rules that will evaluate it; payer codes take its spelling.
     */
    public EvaluationInput read(byte[] body, Vocabulary vocabulary) {
        EvaluationRequest request;
        try {
            request = binder.readValue(body);
        } catch (IOException e) {
            throw diagnosed(JsonSyntax.read(body), e, vocabulary);
        }
        return accept(request, vocabulary);
    }

    /** A request already parsed (a scenario file's request). */
    public EvaluationInput read(JsonNode body, Vocabulary vocabulary) {
        EvaluationRequest request;
        try {
            request = mapper.treeToValue(body, EvaluationRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw diagnosed(new JsonSyntax.Tree(body.deepCopy(), List.of()), e, vocabulary);
        }
        return accept(request, vocabulary);
    }

    private EvaluationInput accept(EvaluationRequest request, Vocabulary vocabulary) {
        if (request == null) {
            throw notAnObject();
        }
        validator.checkSize(request);
        List<FieldError> errors = validator.errors(request, vocabulary);
        if (!errors.isEmpty()) {
            errors.sort(ORDER);
            throw new InvalidRequestException(errors, readable(request.requestId()));
        }
        return RequestFacts.of(request, vocabulary);
    }

    /**
     * A body that did not bind: every field given twice, unknown or of the wrong type, and what
     * validation finds in the rest (except where a type error was already named).
     */
    private InvalidRequestException diagnosed(JsonSyntax.Tree tree, Exception bindingError, Vocabulary vocabulary) {
        if (!(tree.root() instanceof ObjectNode body)) {
            return notAnObject();
        }
        List<FieldError> errors = new ArrayList<>(tree.duplicates());
        shape.check(body, errors);
        List<FieldError> named = List.copyOf(errors);
        try {
            EvaluationRequest rest = mapper.treeToValue(body, EvaluationRequest.class);
            for (FieldError error : validator.errors(rest, vocabulary)) {
                if (named.stream().noneMatch(n -> Pointers.within(error.pointer(), n.pointer()))) {
                    errors.add(error);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // the rest does not bind either: the errors named so far are what can be said
        }
        if (errors.isEmpty()) {
            errors.add(JsonErrors.of(bindingError));
        }
        errors.sort(ORDER);
        JsonNode requestId = body.get("requestId");
        return new InvalidRequestException(errors, requestId != null && requestId.isTextual()
                ? readable(requestId.asText()) : null);
    }

    private static InvalidRequestException notAnObject() {
        return new InvalidRequestException(List.of(new FieldError("", "the body must be a JSON object")));
    }

    /** A requestId fit to echo: 1 to {@value #MAX_REQUEST_ID} characters; otherwise null. */
    static String readable(String requestId) {
        return requestId == null || requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID ? null : requestId;
    }
}
