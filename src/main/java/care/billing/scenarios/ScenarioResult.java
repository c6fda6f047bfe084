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
        List<String> actualFindings,
        boolean rulesLoop) {

    public static ScenarioResult error(Scenario scenario, String error) {
        return new ScenarioResult(scenario, false, error, List.of(), List.of(), List.of(), List.of(), false);
    }

    /** The rules did not settle on this scenario: running the others would only repeat the wait. */
    public static ScenarioResult loop(Scenario scenario, String error) {
        return new ScenarioResult(scenario, false, error, List.of(), List.of(), List.of(), List.of(), true);
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

    /** Expected and actual aligned on their longest common subsequence, so one missing line shows as one. */
    private static String sideBySide(String what, List<String> expected, List<String> actual) {
        int width = Math.max("expected".length(), expected.stream().mapToInt(String::length).max().orElse(0)) + 2;
        StringBuilder out = new StringBuilder(what).append(" differ:\n");
        out.append("    ").append(pad("expected", width)).append("| actual\n");
        int[][] common = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                out.append("    ").append(pad(expected.get(i++), width)).append("| ").append(actual.get(j++)).append('\n');
            } else if (j < actual.size() && (i == expected.size() || common[i][j + 1] >= common[i + 1][j])) {
                out.append("  + ").append(pad("", width)).append("| ").append(actual.get(j++)).append('\n');
            } else {
                out.append("  - ").append(pad(expected.get(i++), width)).append("|\n");
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
