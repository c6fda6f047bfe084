package care.billing.ruleset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem in a rule file: a compile error, a bad table cell or a broken scenario file. */
@Schema(name = "RuleProblem", description = "A problem in a rule file: a compile error, a bad table cell or a broken "
        + "scenario file.")
public record RuleProblem(
        @Schema(description = "The file, relative to the rules directory.", examples = "common/choice.drl")
        String file,
        @Schema(description = "Line of the problem, from 1; 0 when it concerns the whole file.", minimum = "0",
                examples = "12")
        int line,
        @Schema(description = "Column of the problem, from 1; 0 when not known.", minimum = "0", examples = "17")
        int column,
        @Schema(description = "What is wrong, as the rule compiler or table loader says it.")
        String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
