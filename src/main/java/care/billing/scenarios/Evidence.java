package care.billing.scenarios;

import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleFiles.RuleFile;
import care.billing.ruleset.RuleProblem;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence a rules directory must carry before it may serve, shared by {@code check}, the
 * reload gate and publishing: every rule set folder ({@code payers/<name>/}) has at least one
 * scenario of its own, and every rule fired in at least one scenario unless it says why it cannot
 * with {@code @dormant("why")}. Each gap is a {@link RuleProblem} naming the file, line and column to
 * act on.
 */
public final class Evidence {

    private static final String PAYERS = "payers/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");

    private Evidence() {
    }

    /**
     * @param scenarios the scenarios that ran (readable ones)
     * @param fired     the rules they fired
     */
    public static List<RuleProblem> check(RuleFiles files, KieBase kieBase, List<Scenario> scenarios, RuleCoverage fired) {
        List<RuleProblem> problems = new ArrayList<>();
        ruleSetsWithoutScenarios(files, scenarios, problems);
        unfiredRules(files, kieBase, fired, problems);
        return problems;
    }

    private static void ruleSetsWithoutScenarios(RuleFiles files, List<Scenario> scenarios, List<RuleProblem> problems) {
        Map<String, RuleFile> folders = new TreeMap<>();
        for (RuleFile file : files.files()) {
            String folder = ruleSetFolder(file.path());
            if (folder != null) {
                RuleFile shown = folders.get(folder);
                if (shown == null || file.isDrl() && !shown.isDrl()) {
                    folders.put(folder, file);
                }
            }
        }
        folders.forEach((folder, file) -> {
            if (scenarios.stream().noneMatch(s -> s.file().startsWith(folder))) {
                problems.add(new RuleProblem(file.path(), 1, 1, "the rule set folder " + folder + " has no scenarios: "
                        + "add at least one " + folder + "scenarios/*.yaml that pins its rules (rules/README.md \"Scenarios\")"));
            }
        });
    }

    /** {@code payers/<name>/} for a file in a rule set folder, else null. */
    static String ruleSetFolder(String path) {
        if (!path.startsWith(PAYERS)) {
            return null;
        }
        int end = path.indexOf('/', PAYERS.length());
        return end < 0 ? null : path.substring(0, end + 1);
    }

    private static void unfiredRules(RuleFiles files, KieBase kieBase, RuleCoverage fired, List<RuleProblem> problems) {
        List<RuleProblem> unfired = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object dormant = rule.getMetaData().get("dormant");
                boolean explained = dormant != null && !dormant.toString().isBlank();
                if (!explained && !fired.fired(rule)) {
                    unfired.add(declaration(files, rule, "rule \"" + rule.getName() + "\" is fired by no scenario: add a "
                            + "scenario that fires it, or mark it @dormant(\"why no bundled scenario can\")"));
                }
            }
        }
        unfired.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        problems.addAll(unfired);
    }

    /** The problem at the line and column where the rule is declared ({@code rule "name"}). */
    static RuleProblem declaration(RuleFiles files, Rule rule, String message) {
        Pattern declared = Pattern.compile("^(\\s*)rule\\s+\"" + Pattern.quote(rule.getName()) + "\"");
        for (RuleFile file : files.files()) {
            if (!file.isDrl()) {
                continue;
            }
            List<String> lines = file.content().lines().toList();
            String pkg = null;
            for (int i = 0; i < lines.size(); i++) {
                Matcher packageLine = PACKAGE.matcher(lines.get(i));
                if (packageLine.find()) {
                    pkg = packageLine.group(1);
                }
                Matcher ruleLine = declared.matcher(lines.get(i));
                if (rule.getPackageName().equals(pkg) && ruleLine.find()) {
                    return new RuleProblem(file.path(), i + 1, ruleLine.group(1).length() + 1, message);
                }
            }
        }
        return new RuleProblem(rule.getPackageName(), 0, 0, message);
    }
}
