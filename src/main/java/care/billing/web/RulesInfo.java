package care.billing.web;

import care.billing.governance.ReloadRecord;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.RuleSet;
import care.billing.ruleset.DataTables;
import care.billing.ruleset.LoadedRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/rules}: what is serving, from which files, and how it got there.
 *
 * @param ruleSets        the rule sets the tables name
 * @param ruleSetPeriods  when each rule set is in force ({@code rule-set.csv} rows)
 * @param feePeriods      the periods of each rule set's fee table, with the codes priced in each
 */
@Schema(name = "RulesInfo", description = "The rules serving now.")
public record RulesInfo(
        @Schema(description = "The version serving: sha256 of every rule file's path and content.",
                pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "When this version was loaded (UTC).", examples = "2026-03-31T08:15:02.117Z")
        Instant loadedAt,
        @Schema(description = "The rule files and tables, relative to the rules directory.",
                examples = "[\"payers/medicare/medicare.drl\"]")
        List<String> files,
        @Schema(description = "The payer rule sets the tables name (rule-set.csv).")
        List<String> ruleSets,
        @Schema(description = "When each rule set is in force (the rule-set.csv rows), by rule set and first month.")
        List<Period> ruleSetPeriods,
        @Schema(description = "The periods of each rule set's fee table, with the codes priced in each.")
        List<FeePeriod> feePeriods,
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
            @Schema(description = "The policy section or payer document the rule implements (@source); null when the "
                    + "rule names none.", nullable = true, examples = "docs/billing-policy.md §3.2")
            String source,
            @Schema(description = "First service month the rule is in force, as YYYY-MM (@effectiveFrom); null: "
                    + "always.", nullable = true, examples = "2022-01")
            String effectiveFrom,
            @Schema(description = "Last service month the rule is in force, as YYYY-MM (@effectiveTo); null: open-ended.",
                    nullable = true, examples = "2026-12")
            String effectiveTo) {
    }

    /** A rule set in force from {@code effectiveFrom} to {@code effectiveTo} (months, inclusive; null = open). */
    @Schema(name = "RuleSetPeriod", description = "A rule set in force from one month to another (a rule-set.csv row).")
    public record Period(
            @Schema(description = "The rule set, as rule-set.csv names it.")
            String ruleSet,
            @Schema(description = "First month in force, as YYYY-MM; null: always.", nullable = true, examples = "2022-01")
            String effectiveFrom,
            @Schema(description = "Last month in force, as YYYY-MM; null: open-ended.", nullable = true)
            String effectiveTo,
            @Schema(description = "The source of the period.", nullable = true, examples = "docs/billing-policy.md §10.1")
            String citation,
            @Schema(description = "The row it was read from, as file:line.", examples = "payers/medicare/rule-set.csv:4")
            String row) {
    }

    /** The fee rows of a rule set that share one period, by code. */
    @Schema(name = "FeePeriod", description = "The fee rows of a rule set that share one period.")
    public record FeePeriod(
            @Schema(description = "The rule set, as rule-set.csv names it.")
            String ruleSet,
            @Schema(description = "First month the fees apply, as YYYY-MM; null: always.", nullable = true,
                    examples = "2026-01")
            String effectiveFrom,
            @Schema(description = "Last month the fees apply, as YYYY-MM; null: open-ended.", nullable = true,
                    examples = "2026-12")
            String effectiveTo,
            @Schema(description = "The codes priced in the period.", examples = "[\"99439\", \"99490\"]")
            List<String> codes) {
    }

    private static final Comparator<String> OPEN_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

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
        DataTables tables = loaded.tables();
        List<String> ruleSets = Stream.concat(tables.ruleSets().stream().map(RuleSet::ruleSet),
                tables.codeFamilies().stream().map(CodeFamily::ruleSet)).filter(Objects::nonNull).distinct().sorted().toList();
        List<Period> periods = tables.ruleSets().stream()
                .map(r -> new Period(r.ruleSet(), r.effectiveFrom(), r.effectiveTo(), r.citation(), r.row()))
                .sorted(Comparator.comparing(Period::ruleSet, OPEN_FIRST).thenComparing(Period::effectiveFrom, OPEN_FIRST))
                .toList();
        Map<List<String>, List<String>> codes = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0), OPEN_FIRST)
                .thenComparing(k -> k.get(1), OPEN_FIRST).thenComparing(k -> k.get(2), OPEN_FIRST));
        for (Fee fee : tables.fees()) {
            codes.computeIfAbsent(Arrays.asList(fee.ruleSet(), fee.effectiveFrom(), fee.effectiveTo()), k -> new ArrayList<>())
                    .add(fee.code());
        }
        List<FeePeriod> feePeriods = codes.entrySet().stream()
                .map(e -> new FeePeriod(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue().stream().sorted().toList()))
                .toList();
        return new RulesInfo(loaded.version(), loaded.loadedAt(), loaded.files(), ruleSets, periods, feePeriods, rules,
                history);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
