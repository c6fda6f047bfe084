package care.billing.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One offending field of a request body, named by JSON pointer (RFC 6901), or one offending query
 * parameter, named by its name; and what is wrong with it, in the caller's words.
 */
@JsonPropertyOrder({"pointer", "parameter", "detail"})
@Schema(name = "FieldError", description = "One offending field of the body (pointer) or query parameter (parameter).")
public record FieldError(
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "JSON pointer (RFC 6901) to the offending value in the request body; \"\" is the whole body.",
                examples = "/entries/0/minutes")
        String pointer,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The offending query parameter, when the problem is not in the body.", examples = "explain")
        String parameter,
        @Schema(description = "What was expected, in words: the allowed values, form or range.",
                examples = "must be a whole number from 1 to 1440")
        String detail) {

    /** An error in the body, at {@code pointer}. */
    public FieldError(String pointer, String detail) {
        this(pointer, null, detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, detail);
    }
}
