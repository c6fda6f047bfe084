package care.billing.ruleset;

/** A problem in a rule file: a compile error, a bad table cell or a broken scenario file. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
