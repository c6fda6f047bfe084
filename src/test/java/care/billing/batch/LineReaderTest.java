package care.billing.batch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LineReaderTest {

    @Test
    void overLongLinesAreSkippedNotHeld() throws IOException {
        String input = "first\r\n" + "x".repeat(200_000) + "\nthird\n\nlast";
        LineReader reader = new LineReader(new StringReader(input), 1_000);
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        assertEquals(5, lines.size());
        assertEquals("first", lines.get(0));
        assertSame(LineReader.TOO_LONG, lines.get(1));
        assertEquals(List.of("third", "", "last"), lines.subList(2, 5));
    }
}
