package care.billing.ruleset;

import care.billing.model.Activity;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.FeeSchedule;
import care.billing.model.RuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** All data-table rows of a rules directory; {@link #factsFor(String)} gives those in force in a month. */
public record DataTables(List<RuleSet> ruleSets, List<CodeFamily> codeFamilies, List<Fee> fees,
                         List<Activity> activities) {

    public DataTables {
        ruleSets = List.copyOf(ruleSets);
        codeFamilies = List.copyOf(codeFamilies);
        fees = List.copyOf(fees);
        activities = List.copyOf(activities);
    }

    /**
     * The rows in force in {@code month} ({@code YYYY-MM}) plus one {@link FeeSchedule} per rule set
     * that has code families in force (empty when it has no fees in force: lines carry no estimate).
     */
    public List<Object> factsFor(String month) {
        List<Object> facts = new ArrayList<>();
        for (RuleSet ruleSet : this.ruleSets) {
            if (ruleSet.inForce(month)) {
                facts.add(ruleSet);
            }
        }
        TreeSet<String> ruleSets = new TreeSet<>();
        for (CodeFamily family : codeFamilies) {
            if (family.inForce(month)) {
                facts.add(family);
                ruleSets.add(family.ruleSet());
            }
        }
        Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>();
        for (Fee fee : fees) {
            if (fee.inForce(month)) {
                facts.add(fee);
                amounts.computeIfAbsent(fee.ruleSet(), k -> new TreeMap<>()).put(fee.code(), fee.amount());
            }
        }
        ruleSets.addAll(amounts.keySet());
        for (String ruleSet : ruleSets) {
            facts.add(new FeeSchedule(ruleSet, amounts.getOrDefault(ruleSet, Map.of())));
        }
        for (Activity activity : activities) {
            if (activity.inForce(month)) {
                facts.add(activity);
            }
        }
        return facts;
    }
}
