package care.billing.ruleset;

import care.billing.model.Activity;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.FeeSchedule;
import care.billing.model.Method;
import care.billing.model.Payer;
import care.billing.model.RuleSet;
import care.billing.model.StaffRequirement;
import care.billing.model.Word;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All data-table rows of a rules directory and the {@link Vocabulary} they declare;
 * {@link #factsFor(String)} gives the facts of a service month.
 */
public record DataTables(List<RuleSet> ruleSets, List<CodeFamily> codeFamilies, List<Fee> fees,
                         List<Activity> activities, List<StaffRequirement> staffRequirements, List<Method> methods,
                         List<Payer> payers, List<Word> words, Vocabulary vocabulary) {

    public DataTables {
        ruleSets = List.copyOf(ruleSets);
        codeFamilies = List.copyOf(codeFamilies);
        fees = List.copyOf(fees);
        activities = List.copyOf(activities);
        staffRequirements = List.copyOf(staffRequirements);
        methods = List.copyOf(methods);
        payers = List.copyOf(payers);
        words = List.copyOf(words);
    }

    /** The rows sorted by table. */
    static DataTables of(List<Object> rows, Vocabulary vocabulary) {
        return new DataTables(only(rows, RuleSet.class), only(rows, CodeFamily.class), only(rows, Fee.class),
                only(rows, Activity.class), only(rows, StaffRequirement.class), only(rows, Method.class),
                only(rows, Payer.class), only(rows, Word.class), vocabulary);
    }

    private static <T> List<T> only(List<Object> rows, Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The facts of {@code month} ({@code YYYY-MM}): the rows in force (rows without a period always
     * are) plus one {@link FeeSchedule} per rule set that has code families in force (empty when it
     * has no fees in force: lines carry no estimate).
     */
    public List<Object> factsFor(String month) {
        List<Object> facts = new ArrayList<>();
        ruleSets.stream().filter(r -> r.inForce(month)).forEach(facts::add);
        TreeSet<String> priced = new TreeSet<>();
        for (CodeFamily family : codeFamilies) {
            if (family.inForce(month)) {
                facts.add(family);
                priced.add(family.ruleSet());
            }
        }
        Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>();
        for (Fee fee : fees) {
            if (fee.inForce(month)) {
                facts.add(fee);
                amounts.computeIfAbsent(fee.ruleSet(), k -> new TreeMap<>()).put(fee.code(), fee.amount());
            }
        }
        priced.addAll(amounts.keySet());
        for (String ruleSet : priced) {
            facts.add(new FeeSchedule(ruleSet, amounts.getOrDefault(ruleSet, Map.of())));
        }
        activities.stream().filter(a -> a.inForce(month)).forEach(facts::add);
        staffRequirements.stream().filter(r -> r.inForce(month)).forEach(facts::add);
        facts.addAll(methods);
        facts.addAll(payers);
        facts.addAll(words);
        return facts;
    }
}
