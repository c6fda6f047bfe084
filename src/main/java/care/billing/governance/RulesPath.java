package care.billing.governance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A path inside the rules root, as the workbench accepts it from a caller: relative, with
 * {@code /}, no {@code .} or {@code ..} segment, and naming a rule file (DRL, CSV table, YAML
 * scenario or a Markdown note). Links are refused where the path is resolved ({@link Drafts}).
 */
public record RulesPath(String value) {

    private static final List<String> KINDS = List.of(".drl", ".csv", ".yaml", ".md");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\- ]*");

    public static boolean isRuleFile(String path) {
        return KINDS.stream().anyMatch(path::endsWith);
    }

    /** The path, or a refusal saying what is wrong with it in the caller's words. */
    public static RulesPath of(String path) {
        if (path == null || path.isBlank()) {
            throw WorkbenchRefusal.badPath(path, "is empty");
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw WorkbenchRefusal.badPath(path, "must be relative to the rules root, with /");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw WorkbenchRefusal.badPath(path, "must not contain . or ..");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw WorkbenchRefusal.badPath(path, "may hold only letters, digits, spaces, _ - and . in each name");
            }
        }
        if (!isRuleFile(path)) {
            throw WorkbenchRefusal.badPath(path, "must name a rule file: " + String.join(", ", KINDS));
        }
        return new RulesPath(path);
    }
}
