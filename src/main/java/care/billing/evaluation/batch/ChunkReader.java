package care.billing.evaluation.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts NDJSON input into chunks of lines: at most {@code chunkSize} lines, or about
 * {@value #MAX_CHUNK_BYTES} bytes, whichever comes first, so the lines in flight stay bounded in
 * bytes however long they are (each at most the line limit). Blank lines are skipped, but counted.
 */
final class ChunkReader {

    static final int MAX_CHUNK_BYTES = 4 * 1024 * 1024;

    private final LineReader in;
    private final int chunkSize;
    private long lineNumber;

    ChunkReader(InputStream input, int maxLineBytes, int chunkSize) {
        this.in = new LineReader(input, maxLineBytes);
        this.chunkSize = chunkSize;
    }

    /** The next chunk, never empty; null at the end of the input. */
    List<Line> next() throws IOException {
        List<Line> chunk = new ArrayList<>();
        long bytes = 0;
        byte[] line;
        while (chunk.size() < chunkSize && bytes < MAX_CHUNK_BYTES && (line = in.readLine()) != null) {
            lineNumber++;
            if (line == LineReader.TOO_LONG || !isBlank(line)) {
                chunk.add(new Line(lineNumber, line, in.consumed()));
                bytes += line.length;
            }
        }
        return chunk.isEmpty() ? null : chunk;
    }

    /**
     * Blank as {@link String#isBlank()}. Bytes are signed, so {@code b < ' '} is a control character
     * or the start of a multi-byte character: only then is the line decoded to decide.
     */
    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b == ' ' || b == '\t' || b == '\r') {
                continue;
            }
            return b < ' ' && new String(line, StandardCharsets.UTF_8).isBlank();
        }
        return true;
    }
}
