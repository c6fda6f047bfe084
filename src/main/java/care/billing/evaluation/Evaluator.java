package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.SessionPool;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one service month through a rules snapshot: a session, insert the facts, fire, collect
 * {@link ClaimLine} and {@link Finding} facts, sort. Rules whose {@code @effectiveFrom} /
 * {@code @effectiveTo} metadata exclude the service month do not fire. A rule file that loops is
 * stopped by a firing limit and a time limit and reported by the name of the rule that loops. The
 * time limit halts the rules between firings; a single firing is not interrupted.
 *
 * <p>The session comes from the snapshot's {@link care.billing.ruleset.SessionPool} holding the
 * month's data-table facts: a new one, or, when the evaluator {@link #reusingSessions reuses sessions},
 * one kept from an earlier request of the same month, which drops this request's facts when given
 * back. The limits, the listener and the time-limit alarm belong to one use: the listener is removed
 * and the alarm disarmed before the session goes back, and a session whose evaluation did not end
 * cleanly (an error, a halt, a limit) is disposed, so nothing of one evaluation reaches the next.
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
            .thenComparing(Finding::message, NULLS_FIRST)
            .thenComparing(finding -> String.join(",", finding.entryIds()));

    private final int maxFirings;
    private final long maxMillis;
    private final TimeLimits limits;
    private final SessionObserver observer;
    private final boolean reuseSessions;
    private final boolean budget;

    /**
     * @param maxFirings rule firings allowed for one evaluation before it is stopped as a loop
     * @param maxMillis time allowed for one evaluation's rules before they are halted
     */
    public Evaluator(int maxFirings, long maxMillis) {
        this(maxFirings, maxMillis, TimeLimits.shared(), SessionObserver.NONE, false, false);
    }

    private Evaluator(int maxFirings, long maxMillis, TimeLimits limits, SessionObserver observer,
                      boolean reuseSessions, boolean budget) {
        this.maxFirings = maxFirings;
        this.maxMillis = maxMillis;
        this.limits = limits;
        this.observer = observer;
        this.reuseSessions = reuseSessions;
        this.budget = budget;
    }

    /** The same evaluator (same limits, same time-limit thread) reporting every session it completes to {@code observer}. */
    public Evaluator observedBy(SessionObserver observer) {
        return new Evaluator(maxFirings, maxMillis, limits, observer, reuseSessions, budget);
    }

    /**
     * The same evaluator (same limits, time-limit thread and observer) taking its sessions from each
     * snapshot's pool when {@code reuse} is true (billing.engine.reuse-sessions), building a fresh one
     * per evaluation when false.
     */
    public Evaluator reusingSessions(boolean reuse) {
        return new Evaluator(maxFirings, maxMillis, limits, observer, reuse, budget);
    }

    /**
     * The same evaluator with a budget of at most {@code firings} rule firings and {@code millis} of rule
     * time (each capped by the limits): past either, the evaluation stops at once with an
     * {@link OverBudgetException} and no replay, and its session is disposed, so that the caller can
     * evaluate again with the full limits elsewhere (an I/O thread hands a long evaluation to a worker).
     */
    public Evaluator withinBudget(int firings, long millis) {
        return new Evaluator(Math.min(firings, maxFirings), Math.min(millis, maxMillis), limits, observer,
                reuseSessions, true);
    }

    public Evaluation evaluate(LoadedRules rules, EvaluationInput input) {
        return evaluate(rules, input, null);
    }

    /** Evaluates with a listener that sees every rule firing (coverage, explanations); null for none. */
    public Evaluation evaluate(LoadedRules rules, EvaluationInput input, AgendaEventListener listener) {
        return evaluate(rules, input, listener, 1, true);
    }

    /**
     * @param requests how many requests {@code input} holds (a chunk of a batch): the firing and time
     *                 limits scale with it
     * @param sorted   whether to sort the results (a chunk's results are sorted per request instead)
     */
    Evaluation evaluate(LoadedRules rules, EvaluationInput input, AgendaEventListener listener, int requests,
                        boolean sorted) {
        String month = input.month().month();
        int maxFirings = (int) Math.min(Integer.MAX_VALUE, (long) this.maxFirings * requests);
        long maxMillis = this.maxMillis * requests;
        long start = System.nanoTime();
        SessionPool.Lease lease = reuseSessions ? rules.sessions().lease(month) : rules.sessions().fresh(month);
        KieSession session = lease.session();
        boolean clean = false;
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            insert(lease, input);
            TimeLimits.Limit limit = limits.start(session, maxMillis);
            int fired;
            try {
                fired = session.fireAllRules(inForce(month), maxFirings);
            } finally {
                limit.disarm();
            }
            if (budget && (fired >= maxFirings || limit.halted())) {
                throw new OverBudgetException("over a budget of " + maxFirings + " firings or " + maxMillis + " ms");
            }
            if (fired >= maxFirings) {
                throw new RuleLoopException("the rules fired " + maxFirings + " times without settling; most often: "
                        + busiestRule(rules, input) + " (billing.engine.max-firings)");
            }
            if (limit.halted()) {
                throw new RuleLoopException("the rules did not settle within " + maxMillis + " ms; most often: "
                        + busiestRule(rules, input) + " (billing.engine.max-millis)");
            }
            List<ClaimLine> lines = factsOf(session, ClaimLine.class);
            List<Finding> findings = factsOf(session, Finding.class);
            if (sorted) {
                lines.sort(LINE_ORDER);
                findings.sort(FINDING_ORDER);
            }
            observer.sessionDone(requests, fired, System.nanoTime() - start);
            clean = true;
            return new Evaluation(month, rules.version(), lines, findings);
        } finally {
            try {
                if (listener != null) {
                    session.removeEventListener(listener);
                }
            } finally {
                lease.close(clean);
            }
        }
    }

    /** The session's facts of one class (a {@link ClassObjectFilter} walks that class's facts only). */
    private static <T> List<T> factsOf(KieSession session, Class<T> type) {
        List<T> facts = new ArrayList<>();
        for (Object fact : session.getObjects(new ClassObjectFilter(type))) {
            facts.add(type.cast(fact));
        }
        return facts;
    }

    /** The request's facts; the session holds the month's data-table facts already. */
    private static void insert(SessionPool.Lease lease, EvaluationInput input) {
        lease.insert(input.month());
        input.patients().forEach(lease::insert);
        input.staff().forEach(lease::insert);
        input.entries().forEach(lease::insert);
    }

    /** Replays a runaway evaluation briefly, counting firings, to name the rule that loops. */
    private String busiestRule(LoadedRules rules, EvaluationInput input) {
        Map<String, Integer> counts = new HashMap<>();
        AgendaEventListener counter = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                counts.merge(event.getMatch().getRule().getPackageName() + ": \"" + event.getMatch().getRule().getName()
                        + "\"", 1, Integer::sum);
            }
        };
        SessionPool.Lease lease = rules.sessions().fresh(input.month().month());
        KieSession session = lease.session();
        session.addEventListener(counter);
        insert(lease, input);
        ScheduledFuture<?> alarm = limits.thread().schedule(session::halt, Math.min(maxMillis, 1_000), TimeUnit.MILLISECONDS);
        try {
            session.fireAllRules(inForce(input.month().month()), Math.min(maxFirings, 10_000));
        } finally {
            alarm.cancel(false);
            lease.close(false);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + " firings in a short replay)").orElse("unknown");
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
