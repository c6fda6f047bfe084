package care.billing.evaluation.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads NDJSON lines as raw bytes (the JSON parser decodes UTF-8 itself, so the text is decoded
 * once) and never holds more than a limit: the rest of an over-long line is skipped and the line
 * is returned as {@link #TOO_LONG}. A trailing carriage return is dropped.
 */
final class LineReader {

    /** Marks a line that was longer than the limit (compare by identity). */
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 12);
    private int position;
    private int limit;
    private long consumed;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of the input. */
    byte[] readLine() throws IOException {
        line.reset();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return !any ? null : tooLong ? TOO_LONG : withoutCarriageReturn();
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            consumed += position - start;
            if (!tooLong) {
                line.write(buffer, start, position - start);
                if (line.size() > maxBytes) {
                    tooLong = true;
                    line.reset();
                }
            }
            if (position < limit) {
                position++;
                consumed++;
                return tooLong ? TOO_LONG : withoutCarriageReturn();
            }
        }
    }

    /** Bytes read so far, terminators included (for progress). */
    long consumed() {
        return consumed;
    }

    private byte[] withoutCarriageReturn() {
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            return Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }
}
