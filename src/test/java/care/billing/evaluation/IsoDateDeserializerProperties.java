package care.billing.evaluation;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast path reads exactly the dates java.time reads, and leaves everything else to it. */
class IsoDateDeserializerProperties {

    @Property(tries = 3000)
    void readsWhatJavaTimeReads(@ForAll("dateLike") String text) {
        LocalDate expected;
        try {
            expected = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        LocalDate fast = IsoDateDeserializer.plainDate(text);
        if (fast != null || text.length() == 10 && expected != null && !text.startsWith("+")) {
            assertEquals(expected, fast, text);
        }
    }

    @Property(tries = 500)
    void leavesAnythingElseToJavaTime(@ForAll("notPlain") String text) {
        assertNull(IsoDateDeserializer.plainDate(text), text);
    }

    /** The request reader's mapper reads dates with it (a module registered later would take over). */
    @Example
    void theRequestReaderUsesIt() throws Exception {
        ObjectMapper mapper = StrictJson.mapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertInstanceOf(IsoDateDeserializer.class,
                context.findRootValueDeserializer(mapper.constructType(LocalDate.class)));
    }

    /** Well-formed and nearly well-formed dates: impossible days and months, year 0, stray characters. */
    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> noisy = Arbitraries.strings().withChars("0123456789-+ T/x").ofLength(10);
        return Arbitraries.oneOf(shaped, shaped, noisy);
    }

    @Provide
    Arbitrary<String> notPlain() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-").ofMaxLength(9),
                Arbitraries.strings().withChars("0123456789-").ofMinLength(11).ofMaxLength(20),
                Arbitraries.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-03-00", "２０２６-03-04",
                        "2026/03/04", "2026-3-041", " 2026-03-4", "+2026-03-4", "2025-02-29"));
    }
}
