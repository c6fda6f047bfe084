package care.billing.scenarios;

/** One small change to one rule file: a number moved by one, or a comparison made strict or loose. */
public record Mutant(String file, int line, String before, String after, String content, boolean tableOnly) {

    public String describe() {
        return file + ":" + line + "  " + before.strip() + "   ->   " + after.strip();
    }
}
