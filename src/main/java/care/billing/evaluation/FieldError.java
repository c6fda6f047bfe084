package care.billing.evaluation;

/** One offending field of a request: a JSON pointer into the body and what is wrong with it. */
public record FieldError(String pointer, String detail) {
}
