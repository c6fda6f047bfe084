package care.billing.web;

import care.billing.governance.ReloadRecord;
import care.billing.model.CodeFamily;
import care.billing.ruleset.LoadedRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/rules}: what is serving, from which files, and how it got there. */
@Schema(name = "RulesInfo", description = "The rules serving now.")
public record RulesInfo(
        @Schema(description = "The version serving: sha256 of every rule file's path and content.",
                pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "When this version was loaded (UTC).",
                examples = "2026-03-31T08:15:02.117Z")
        Instant loadedAt,
        @Schema(description = "The rule files and tables, relative to the rules directory.",
                examples = "[\"payers/medicare/medicare.drl\"]")
        List<String> files,
        @Schema(description = "The payer rule sets of the code-family tables.", examples = "[\"BCBSM\", \"MEDICARE\"]")
        List<String> ruleSets,
        @Schema(description = "Every rule, sorted by package and name.")
        List<RuleInfo> rules,
        @Schema(description = "The last 100 attempts to change the rules serving (startup and reloads), oldest first.")
        List<ReloadRecord> history) {

    @Schema(name = "RuleInfo", description = "A rule and its metadata.")
    public record RuleInfo(
            @Schema(description = "The DRL package: common, or payers.<payer>.", examples = "payers.medicare")
            String packageName,
            @Schema(description = "The rule's name.", examples = "Medicare: time before the consent date does not count")
            String name,
            @Schema(description = "The payer document or billing-rules section the rule implements (@source); null "
                    + "when the rule names none.", nullable = true, examples = "billing-rules.md §3.2")
            String source,
            @Schema(description = "First service month the rule is in force, as YYYY-MM (@effectiveFrom); null: "
                    + "always.", nullable = true, examples = "2022-01")
            String effectiveFrom,
            @Schema(description = "Last service month the rule is in force, as YYYY-MM (@effectiveTo); null: open-ended.",
                    nullable = true, examples = "2026-12")
            String effectiveTo) {
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
