package care.billing.web;

import care.billing.governance.ReloadRecord;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.RuleSet;
import care.billing.ruleset.DataTables;
import care.billing.ruleset.LoadedRules;
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
public record RulesInfo(
        String rulesVersion,
        Instant loadedAt,
        List<String> files,
        List<String> ruleSets,
        List<Period> ruleSetPeriods,
        List<FeePeriod> feePeriods,
        List<RuleInfo> rules,
        List<ReloadRecord> history) {

    public record RuleInfo(String packageName, String name, String source, String effectiveFrom, String effectiveTo) {
    }

    /** A rule set in force from {@code effectiveFrom} to {@code effectiveTo} (months, inclusive; null = open). */
    public record Period(String ruleSet, String effectiveFrom, String effectiveTo, String citation, String row) {
    }

    /** The fee rows of a rule set that share one period, by code. */
    public record FeePeriod(String ruleSet, String effectiveFrom, String effectiveTo, List<String> codes) {
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
