package care.billing.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} but never holds more than a limit:
 * the rest of an over-long line is skipped and the line is returned as {@link #TOO_LONG}.
 */
final class LineReader {

    /** Marks a line that was longer than the limit. */
    static final String TOO_LONG = new String("\u0000line too long");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.isEmpty() && !tooLong ? null : tooLong ? TOO_LONG : line.toString();
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
                if (line.length() > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
            if (position < limit) {
                position++;
                if (tooLong) {
                    return TOO_LONG;
                }
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
        }
    }
}
