package care.billing.engine;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs one service month through a rules snapshot: a fresh session, insert the facts, fire, collect
 * {@link ClaimLine} and {@link Finding} facts, sort. Rules whose {@code @effectiveFrom} /
 * {@code @effectiveTo} metadata exclude the service month do not fire.
 */
public final class Evaluator {

    static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    static final Comparator<ClaimLine> LINE_ORDER = Comparator
            .comparing(ClaimLine::patientId, NULLS_FIRST)
            .thenComparing(ClaimLine::billingProviderId, NULLS_FIRST)
            .thenComparing(ClaimLine::addOn)
            .thenComparing(ClaimLine::code, NULLS_FIRST);

    static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing(Finding::patientId, NULLS_FIRST)
            .thenComparing(Finding::billingProviderId, NULLS_FIRST)
            .thenComparing(Finding::entryId, NULLS_FIRST)
            .thenComparing(Finding::code, NULLS_FIRST)
            .thenComparing(Finding::family, NULLS_FIRST)
            .thenComparing(Finding::targetCode, NULLS_FIRST)
            .thenComparing(Finding::message, NULLS_FIRST);

    private final int maxFirings;

    public Evaluator(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    public Evaluation evaluate(LoadedRules rules, EvaluationInput input) {
        return evaluate(rules, input, null);
    }

    /** Evaluates with a listener that sees every rule firing (coverage, explanations); null for none. */
    public Evaluation evaluate(LoadedRules rules, EvaluationInput input, AgendaEventListener listener) {
        String month = input.month().month();
        KieSession session = rules.kieBase().newKieSession();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            session.insert(input.month());
            input.patients().forEach(session::insert);
            input.staff().forEach(session::insert);
            input.entries().forEach(session::insert);
            rules.tables().factsFor(month).forEach(session::insert);
            int fired = session.fireAllRules(inForce(month), maxFirings);
            if (fired >= maxFirings) {
                throw new RuleLoopException(maxFirings);
            }
            List<ClaimLine> lines = session.getObjects(new ClassObjectFilter(ClaimLine.class)).stream()
                    .map(ClaimLine.class::cast).sorted(LINE_ORDER).toList();
            List<Finding> findings = session.getObjects(new ClassObjectFilter(Finding.class)).stream()
                    .map(Finding.class::cast).sorted(FINDING_ORDER).toList();
            return new Evaluation(month, rules.version(), lines, findings);
        } finally {
            session.dispose();
        }
    }

    /** Fires only the rules in force in {@code month} (metadata months are inclusive, YYYY-MM). */
    static AgendaFilter inForce(String month) {
        return (Match match) -> {
            Map<String, Object> meta = match.getRule().getMetaData();
            Object from = meta.get("effectiveFrom");
            Object to = meta.get("effectiveTo");
            return (from == null || from.toString().compareTo(month) <= 0)
                    && (to == null || to.toString().compareTo(month) >= 0);
        };
    }
}
