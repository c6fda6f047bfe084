package care.billing.evaluation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a request date. A plain calendar date in ISO form ({@code 2026-03-04}), as every request
 * sends it, is read directly: the {@code java.time} formatter that {@link LocalDateDeserializer}
 * uses costs about as much as the rest of an entry. Anything else, including impossible dates, goes
 * to {@link LocalDateDeserializer}, so what is accepted and every error message stay as they were.
 */
final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final LocalDateDeserializer STANDARD = LocalDateDeserializer.INSTANCE;

    IsoDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate date = plainDate(parser.getText());
            if (date != null) {
                return date;
            }
        }
        return STANDARD.deserialize(parser, context);
    }

    /** {@code yyyy-MM-dd} with a real day of a real month (checked by {@link LocalDate#of}), or null for anything else. */
    static LocalDate plainDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null; // not digits
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal value of {@code text[from, to)}, or -1 unless every character is an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
