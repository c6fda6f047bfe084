package care.billing.cli;

import java.io.PrintStream;

/** A progress line on stderr: redrawn in place on a terminal, a line every tenth of the way otherwise. */
final class Progress {

    private final PrintStream err;
    private final int total;
    private final String what;
    private final boolean terminal = System.console() != null;
    private int lastTenth = -1;

    Progress(PrintStream err, int total, String what) {
        this.err = err;
        this.total = total;
        this.what = what;
    }

    void update(int done) {
        if (total == 0) {
            return;
        }
        if (terminal) {
            err.print("\r  " + done + "/" + total + " " + what);
            err.flush();
            return;
        }
        int tenth = done * 10 / total;
        if (total >= 50 && tenth != lastTenth) {
            lastTenth = tenth;
            err.println("  " + done + "/" + total + " " + what);
        }
    }

    void done() {
        if (terminal && total > 0) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
