package care.billing.scenarios;

import java.util.List;

/**
 * The outcome of one scenario. Lines are rendered as one comparable text each
 * ({@code patient provider code xUnits minutes dateOfService [$amount]}), so a failure can show
 * expected and actual side by side.
 */
public record ScenarioResult(
        Scenario scenario,
        boolean passed,
        String error,
        List<String> expectedLines,
        List<String> actualLines,
        List<String> expectedFindings,
        List<String> actualFindings) {

    public static ScenarioResult error(Scenario scenario, String error) {
        return new ScenarioResult(scenario, false, error, List.of(), List.of(), List.of(), List.of());
    }

    /** A human-readable account of a failure: the error, or expected and actual side by side. */
    public String report() {
        if (passed) {
            return "passed";
        }
        if (error != null) {
            return error;
        }
        StringBuilder out = new StringBuilder();
        if (!expectedLines.equals(actualLines)) {
            out.append(sideBySide("claim lines", expectedLines, actualLines));
        }
        if (!expectedFindings.equals(actualFindings)) {
            out.append(sideBySide("finding codes", expectedFindings, actualFindings));
        }
        return out.toString();
    }

    private static String sideBySide(String what, List<String> expected, List<String> actual) {
        int width = Math.max("expected".length(), expected.stream().mapToInt(String::length).max().orElse(0)) + 2;
        StringBuilder out = new StringBuilder(what).append(" differ:\n");
        out.append("    ").append(pad("expected", width)).append("| actual\n");
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "";
            String a = i < actual.size() ? actual.get(i) : "";
            out.append(e.equals(a) ? "    " : "  ! ").append(pad(e, width)).append("| ").append(a).append('\n');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
