package care.billing.cli;

import java.io.PrintStream;
import java.util.function.LongFunction;

/** A progress line on stderr: redrawn in place on a terminal, a line every tenth of the way otherwise. */
final class Progress {

    private static final long MB = 1024 * 1024;

    private final PrintStream err;
    private final long total;
    private final LongFunction<String> describe;
    private final boolean terminal = System.console() != null;
    private String lastShown;
    private long lastTenth = -1;

    private Progress(PrintStream err, long total, LongFunction<String> describe) {
        this.err = err;
        this.total = total;
        this.describe = describe;
    }

    /** Counts items: "12/89 scenarios". */
    static Progress counting(PrintStream err, long total, String what) {
        return new Progress(err, total, done -> done + "/" + total + " " + what);
    }

    /** Follows an input file by bytes, which spares a first pass to count its lines: "42 % (139/315 MB)". */
    static Progress reading(PrintStream err, long totalBytes) {
        return new Progress(err, totalBytes,
                done -> done * 100 / totalBytes + " % (" + done / MB + "/" + totalBytes / MB + " MB)");
    }

    void update(long done) {
        if (total == 0) {
            return;
        }
        if (terminal) {
            String shown = describe.apply(done);
            if (!shown.equals(lastShown)) {
                lastShown = shown;
                err.print("\r  " + shown);
                err.flush();
            }
            return;
        }
        long tenth = done * 10 / total;
        if (total >= 50 && tenth != lastTenth) {
            lastTenth = tenth;
            err.println("  " + describe.apply(done));
        }
    }

    /** Ends the progress: a last line at 100 % (trailing blank lines are never reported), or a cleared line. */
    void done() {
        if (!terminal) {
            update(total);
        }
        if (terminal && total > 0) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
