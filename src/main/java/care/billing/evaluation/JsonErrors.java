package care.billing.evaluation;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Any body the JSON mapper could not read, as one error in the caller's words: where (JSON pointer,
 * and line and column for text that is not JSON) and what was expected. The mapper's own message is
 * never passed on: it speaks Java.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static FieldError of(Exception e) {
        if (e instanceof StreamReadException read) {
            String pointer = read.getProcessor() == null ? ""
                    : read.getProcessor().getParsingContext().pathAsPointer().toString();
            return new FieldError(pointer, SyntaxErrors.describe(read.getOriginalMessage()) + JsonSyntax.at(read.getLocation()));
        }
        String pointer = pointer(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(pointer, "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(pointer, expected(mismatch.getTargetType(), pointer.isEmpty()));
        }
        return new FieldError(pointer, pointer.isEmpty() ? "the body must be a JSON object" : "is not a valid value here");
    }

    private static String expected(Class<?> type, boolean root) {
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return root ? "the body must be a JSON object" : Map.class.isAssignableFrom(type) || type.isRecord()
                ? "must be an object" : "is not a valid value here";
    }

    private static String pointer(Exception e) {
        StringBuilder pointer = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                pointer.append('/').append(ref.getFieldName() != null ? Pointers.escape(ref.getFieldName()) : ref.getIndex());
            }
        }
        return pointer.toString();
    }
}
