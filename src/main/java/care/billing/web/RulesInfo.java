package care.billing.web;

import care.billing.governance.ReloadRecord;
import care.billing.model.CodeFamily;
import care.billing.ruleset.LoadedRules;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/rules}: what is serving, from which files, and how it got there. */
public record RulesInfo(
        String rulesVersion,
        Instant loadedAt,
        List<String> files,
        List<String> ruleSets,
        List<RuleInfo> rules,
        List<ReloadRecord> history) {

    public record RuleInfo(String packageName, String name, String source, String effectiveFrom, String effectiveTo) {
    }

    public static RulesInfo of(LoadedRules loaded, List<ReloadRecord> history) {
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : loaded.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                rules.add(new RuleInfo(rule.getPackageName(), rule.getName(), text(meta.get("source")),
                        text(meta.get("effectiveFrom")), text(meta.get("effectiveTo"))));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::packageName).thenComparing(RuleInfo::name));
        List<String> ruleSets = loaded.tables().codeFamilies().stream().map(CodeFamily::ruleSet).distinct().sorted().toList();
        return new RulesInfo(loaded.version(), loaded.loadedAt(), loaded.files(), ruleSets, rules, history);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
