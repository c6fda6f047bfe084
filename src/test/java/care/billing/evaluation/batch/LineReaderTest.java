package care.billing.evaluation.batch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LineReaderTest {

    @Test
    void overLongLinesAreSkippedNotHeld() throws IOException {
        String input = "first\r\n" + "x".repeat(200_000) + "\nthird\n\nlast é";
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 1_000);
        List<byte[]> lines = new ArrayList<>();
        for (byte[] line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        assertEquals(5, lines.size());
        assertEquals("first", text(lines.get(0)));
        assertSame(LineReader.TOO_LONG, lines.get(1));
        assertEquals(List.of("third", "", "last é"), lines.subList(2, 5).stream().map(LineReaderTest::text).toList());
        assertEquals(bytes.length, reader.consumed());
    }

    @Test
    void aFinalNewlineEndsTheLastLineWithoutAddingAnEmptyOne() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), 10);
        assertEquals("a", text(reader.readLine()));
        assertEquals("b", text(reader.readLine()));
        assertEquals(null, reader.readLine());
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
