package care.billing.scenarios;

import care.billing.evaluation.ChunkEvaluator;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblem;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The month-end batch's promise, held at every gate ({@code check}, reload, publish): a batch line gets
 * exactly the result it gets alone. A batch evaluates many requests of one month in one rules session
 * ({@link ChunkEvaluator}), each request's patient, staff and entry ids prefixed with its position, so
 * a rule keeps the lines apart only if it joins its patterns on those ids. A rule that does not (say, a
 * patient pattern and a time-entry pattern with no join between them) would let one line's facts change
 * another's result, and nothing else would notice: the scenarios run one request at a time.
 *
 * <p>So the scenarios of each service month are evaluated once more, all in one shared session as a
 * batch would, and each must get its result alone. Two kinds of problem are reported: a rule whose
 * firing matched facts of two different requests, at the rule's declaration, and, for a month whose
 * scenarios get other results together than alone, the scenarios that differ and how. The second
 * catches what the first cannot see (a {@code not}, {@code exists} or {@code accumulate} over other
 * lines' facts leaves no fact of theirs in the match); both see only what the scenarios exercise.
 */
public final class BatchIsolation {

    private static final int SHOWN = 5;

    private final RequestReader reader;
    private final Evaluator evaluator;
    private final ChunkEvaluator chunks;

    public BatchIsolation(RequestReader reader, Evaluator evaluator) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.chunks = new ChunkEvaluator(evaluator);
    }

    /**
     * @param scenarios the scenarios of the rules directory; those whose request is invalid, or whose
     *                  evaluation fails alone, are left out (the scenario run reports them)
     */
    public List<RuleProblem> check(RuleFiles files, LoadedRules rules, List<Scenario> scenarios) {
        Map<String, List<Alone>> byMonth = new TreeMap<>();
        for (Scenario scenario : scenarios) {
            Alone alone = alone(rules, scenario);
            if (alone != null) {
                byMonth.computeIfAbsent(alone.input().month().month(), month -> new ArrayList<>()).add(alone);
            }
        }
        Map<Rule, String> crossing = new LinkedHashMap<>();
        List<RuleProblem> differing = new ArrayList<>();
        byMonth.forEach((month, group) -> {
            if (group.size() > 1) {
                together(rules, month, group, crossing, differing);
            }
        });
        List<RuleProblem> problems = new ArrayList<>();
        crossing.forEach((rule, message) -> problems.add(Evidence.declaration(files, rule, message)));
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
        problems.addAll(differing);
        return problems;
    }

    private record Alone(Scenario scenario, EvaluationInput input, Evaluation result) {
    }

    private Alone alone(LoadedRules rules, Scenario scenario) {
        try {
            EvaluationInput input = reader.read(scenario.request(), rules.tables().vocabulary());
            return ChunkEvaluator.canShare(input) ? new Alone(scenario, input, evaluator.evaluate(rules, input)) : null;
        } catch (RuntimeException e) {
            // an invalid request, or rules that fail on it: the scenario run reports it
            return null;
        }
    }

    private void together(LoadedRules rules, String month, List<Alone> group, Map<Rule, String> crossing,
                          List<RuleProblem> differing) {
        DefaultAgendaEventListener watch = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                if (crossing.containsKey(rule)) {
                    return;
                }
                TreeSet<Integer> requests = new TreeSet<>();
                for (Object fact : event.getMatch().getObjects()) {
                    requestsOf(fact, requests);
                }
                if (requests.size() > 1) {
                    crossing.put(rule, "rule \"" + rule.getName() + "\" joins facts of different batch lines: evaluated "
                            + "in one session with the other scenarios of " + month + ", as a month-end batch would, it "
                            + "matched facts of " + group.get(requests.first()).scenario().file() + " and "
                            + group.get(requests.last()).scenario().file() + " together. Join every pattern on the "
                            + "patient, staff or entry id of the facts before it (rules/README.md \"Batch isolation\")");
                }
            }
        };
        List<Evaluation> results;
        try {
            results = chunks.evaluate(rules, group.stream().map(Alone::input).toList(), watch);
        } catch (RuntimeException e) {
            differing.add(new RuleProblem(group.get(0).scenario().file(), 0, 0, "the scenarios of " + month
                    + " evaluated in one session, as a month-end batch would, fail although each passes alone: "
                    + e.getMessage() + " (rules/README.md \"Batch isolation\")"));
            return;
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (!group.get(i).result().equals(results.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Alone first = group.get(changed.get(0));
        List<String> names = changed.stream().limit(SHOWN).map(i -> group.get(i).scenario().file()).toList();
        differing.add(new RuleProblem(first.scenario().file(), 0, 0, changed.size() + " of the " + group.size()
                + " scenarios of " + month + " get other results when evaluated in one session, as a month-end batch "
                + "would, than alone: " + String.join(", ", names) + (changed.size() > SHOWN ? " and "
                + (changed.size() - SHOWN) + " more" : "") + ". This one, together: "
                + differences(first.result(), results.get(changed.get(0))) + ". Some rule lets batch lines see each "
                + "other's facts; join every pattern on the patient, staff or entry id (rules/README.md \"Batch "
                + "isolation\")"));
    }

    /** Up to {@value #SHOWN} results gained (+), then lost (-), together, with the rules that made them. */
    private static String differences(Evaluation alone, Evaluation together) {
        List<String> out = new ArrayList<>();
        together.claimLines().stream().filter(l -> !alone.claimLines().contains(l)).forEach(l -> out.add("+ " + line(l)));
        together.findings().stream().filter(f -> !alone.findings().contains(f)).forEach(f -> out.add("+ " + finding(f)));
        alone.claimLines().stream().filter(l -> !together.claimLines().contains(l)).forEach(l -> out.add("- " + line(l)));
        alone.findings().stream().filter(f -> !together.findings().contains(f)).forEach(f -> out.add("- " + finding(f)));
        return String.join("; ", out.subList(0, Math.min(SHOWN, out.size())))
                + (out.size() > SHOWN ? "; and " + (out.size() - SHOWN) + " more" : "");
    }

    private static String line(ClaimLine line) {
        return "claim line " + line.code() + " x" + line.units() + " for " + line.patientId() + " (rule \""
                + line.rule() + "\")";
    }

    private static String finding(Finding finding) {
        return "finding " + finding.code() + " for " + (finding.entryId() != null ? "entry " + finding.entryId()
                : "patient " + finding.patientId()) + " (rule \"" + finding.rule() + "\")";
    }

    /**
     * The requests whose prefixed ids a fact holds: in its text fields, in collections of them, and in
     * records it holds (a Chosen holds its Candidate). The facts of the model are records; a type
     * declared in a rule file is not looked into (the comparison of results still sees what it does).
     */
    static void requestsOf(Object fact, Collection<Integer> into) {
        if (fact instanceof String text) {
            int request = ChunkEvaluator.requestOf(text);
            if (request >= 0) {
                into.add(request);
            }
        } else if (fact instanceof Collection<?> values) {
            values.forEach(value -> requestsOf(value, into));
        } else if (fact != null && fact.getClass().isRecord()) {
            for (RecordComponent component : fact.getClass().getRecordComponents()) {
                try {
                    requestsOf(component.getAccessor().invoke(fact), into);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a component that cannot be read holds no id the check can see
                }
            }
        }
    }
}
