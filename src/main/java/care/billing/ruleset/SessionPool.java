package care.billing.ruleset;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one rules snapshot, each holding the data-table facts of one service month
 * ({@link DataTables#factsFor}). A leased session already holds its month's table facts; the
 * evaluation inserts the request's facts and fires. Given back, the session loses every fact that
 * is not a table fact (the request's facts, and what the rules derived from them) and waits, with
 * its table facts and their part of the rules network still in place, for the next request of that
 * month. So a request pays neither for a new session nor for inserting the same table rows again.
 *
 * <p>A session given back this way is, for the next request, what a new session holding the month's
 * table facts is: every rule match it made needed a request fact, because a month's sessions are
 * kept only once a probe has shown that the table facts alone match no rule ({@link #keeps}); a month
 * whose tables alone do match some rule (a rule an analyst wrote over tables only, say) gets a new
 * session per request instead. Rules the probe cannot see through (agenda or rule-flow groups, focus,
 * timers, calendars, effective dates, named entry points) keep no session of any month. A session
 * is disposed, not kept, when its evaluation did not end cleanly (an error, a halt, the firing
 * limit), when it lost a table fact, when the pool is full or closed.
 *
 * <p>A session never outlives its snapshot: {@link #close()} (through {@link RuleCompiler#release})
 * disposes the idle sessions at once and every leased one when it is given back, so evaluations in
 * flight finish on their sessions.
 */
public final class SessionPool {

    /**
     * Idle sessions kept per snapshot, all months together: a few per worker thread for the months
     * requests are for (the current one, mostly). When it is full, the month leased least recently
     * gives up a session.
     */
    public static final int MAX_IDLE = 32;

    private final KieBase kieBase;
    private final DataTables tables;
    /** Whether the rules can keep sessions at all: none of them escapes the probe. */
    private final boolean probeable;
    /** Idle sessions per month, the month leased least recently first. */
    private final LinkedHashMap<String, ArrayDeque<Resident>> idle = new LinkedHashMap<>(16, 0.75f, true);
    /** Per month: whether its table facts alone match no rule, so that its sessions can be kept. */
    private final Map<String, Boolean> keeps = new ConcurrentHashMap<>();
    private int leased;
    private boolean closed;

    public SessionPool(KieBase kieBase, DataTables tables) {
        this.kieBase = kieBase;
        this.tables = tables;
        this.probeable = probeable(kieBase);
    }

    /**
     * Whether every rule is one whose matches on table facts alone the probe would see: a rule in an
     * agenda or rule-flow group, with focus or lock-on-active, a timer, a calendar or effective dates
     * could match without firing in the probe and fire later in a kept session.
     */
    private static boolean probeable(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (!(rule instanceof RuleImpl impl)) {
                    return false;
                }
                boolean plain = impl.isMainAgendaGroup() && empty(impl.getRuleFlowGroup()) && !impl.getAutoFocus()
                        && !impl.isLockOnActive() && impl.getTimer() == null
                        && (impl.getCalendars() == null || impl.getCalendars().length == 0)
                        && impl.getDateEffective() == null && impl.getDateExpires() == null;
                if (!plain) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }

    /**
     * A session holding {@code month}'s table facts, kept from an earlier request of that month when
     * there is one; give it back with {@link Lease#close(boolean)}.
     */
    public Lease lease(String month) {
        Resident reused;
        synchronized (this) {
            if (closed) {
                return fresh(month);
            }
            leased++;
            ArrayDeque<Resident> ofMonth = idle.get(month);
            reused = ofMonth == null ? null : ofMonth.pollFirst();
        }
        if (reused != null) {
            return new Lease(this, reused.session, reused.tableFacts, month);
        }
        Resident made;
        try {
            made = keeps(month) ? withTables(month) : null;
        } catch (RuntimeException e) {
            returned();
            throw e;
        }
        if (made == null) {
            returned();
            return fresh(month);
        }
        return new Lease(this, made.session, made.tableFacts, month);
    }

    /** A new session holding {@code month}'s table facts, disposed when given back. */
    public Lease fresh(String month) {
        Resident made = withTables(month);
        return new Lease(null, made.session, made.tableFacts, month);
    }

    /** No more sessions kept: the idle ones are disposed now, the leased ones when given back. */
    public void close() {
        List<Resident> disposed = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(disposed::addAll);
            idle.clear();
        }
        disposed.forEach(resident -> resident.session.dispose());
    }

    /** Sessions leased and not given back yet (sessions made for one request only are not counted). */
    public synchronized int leased() {
        return leased;
    }

    /** Sessions kept idle, all months together. */
    public synchronized int idle() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** Whether the pool is closed. */
    public synchronized boolean closed() {
        return closed;
    }

    /**
     * Whether {@code month}'s sessions can be kept between requests: its table facts alone, in a
     * session of their own, make no rule match (probed once per month, with no consequence run).
     */
    private boolean keeps(String month) {
        if (!probeable) {
            return false;
        }
        return keeps.computeIfAbsent(month, m -> {
            KieSession probe = withTables(m).session;
            try {
                if (probe.getEntryPoints().size() > 1) {
                    return false; // facts in a named entry point would outlive the request
                }
                boolean[] matched = {false};
                probe.fireAllRules(match -> {
                    matched[0] = true;
                    return false;
                });
                return !matched[0];
            } finally {
                probe.dispose();
            }
        });
    }

    private Resident withTables(String month) {
        KieSession session = kieBase.newKieSession();
        try {
            Set<FactHandle> handles = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object fact : tables.factsFor(month)) {
                handles.add(session.insert(fact));
            }
            return new Resident(session, handles);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    private void returned() {
        synchronized (this) {
            leased--;
        }
    }

    /**
     * Keeps a cleaned session for its month, or disposes it when the pool is closed. When the pool is
     * full, the month leased least recently gives up a session, disposed here; a failure to dispose
     * that session, which no one uses any more, does not reach the evaluation that gave its own back.
     */
    private void keep(Resident resident, String month) {
        Resident evicted = null;
        boolean kept = false;
        synchronized (this) {
            leased--;
            if (!closed) {
                if (idle() >= MAX_IDLE) {
                    evicted = evictOne();
                }
                idle.computeIfAbsent(month, m -> new ArrayDeque<>()).addFirst(resident);
                kept = true;
            }
        }
        if (!kept) {
            resident.session.dispose();
        }
        if (evicted != null) {
            try {
                evicted.session.dispose();
            } catch (RuntimeException ignored) {
                // an idle session of another request's month; nothing of it is in any result
            }
        }
    }

    /** Takes an idle session of the month leased least recently out of the pool. */
    private Resident evictOne() {
        Iterator<Map.Entry<String, ArrayDeque<Resident>>> months = idle.entrySet().iterator();
        while (months.hasNext()) {
            ArrayDeque<Resident> ofMonth = months.next().getValue();
            Resident oldest = ofMonth.pollLast();
            if (ofMonth.isEmpty()) {
                months.remove();
            }
            if (oldest != null) {
                return oldest;
            }
        }
        return null;
    }

    private record Resident(KieSession session, Set<FactHandle> tableFacts) {
    }

    /** One session for one evaluation, holding its month's table facts. */
    public static final class Lease {

        private final SessionPool owner;
        private final KieSession session;
        private final Set<FactHandle> tableFacts;
        private final String month;
        private final List<FactHandle> requestFacts = new ArrayList<>();
        private boolean closed;

        private Lease(SessionPool owner, KieSession session, Set<FactHandle> tableFacts, String month) {
            this.owner = owner;
            this.session = session;
            this.tableFacts = tableFacts;
            this.month = month;
        }

        public KieSession session() {
            return session;
        }

        /** Inserts one of the request's facts: it is dropped first when the session is given back. */
        public void insert(Object fact) {
            requestFacts.add(session.insert(fact));
        }

        /** Whether the session is kept for the next request of its month when given back cleanly. */
        public boolean pooled() {
            return owner != null;
        }

        /**
         * Gives the session back. With {@code clean} (the evaluation ended normally and its listeners
         * are removed), a pooled session drops every fact but its table facts and is kept; otherwise
         * it is disposed.
         */
        public void close(boolean clean) {
            if (closed) {
                return;
            }
            closed = true;
            if (owner == null) {
                session.dispose();
                return;
            }
            boolean kept = false;
            try {
                if (clean && dropRequestFacts()) {
                    kept = true; // from here on the pool owns the session, kept or disposed
                    owner.keep(new Resident(session, tableFacts), month);
                }
            } finally {
                if (!kept) {
                    owner.returned();
                    session.dispose();
                }
            }
        }

        /**
         * Deletes the request's facts, then every other fact that is not a table fact (what the rules
         * inserted outright, and the logical facts too: the network propagates deletes lazily, so those
         * are withdrawn only when it settles), and lets the network settle; false when a table fact is
         * missing (a rule deleted one), so the session cannot be kept. Settling first and deleting what
         * remains measured no faster (docs/design.md "Measured, not adopted").
         */
        private boolean dropRequestFacts() {
            for (FactHandle handle : requestFacts) {
                session.delete(handle);
            }
            if (session.getFactCount() != tableFacts.size()) {
                List<FactHandle> derived = new ArrayList<>();
                for (FactHandle handle : session.getFactHandles()) {
                    if (!tableFacts.contains(handle)) {
                        derived.add(handle);
                    }
                }
                derived.forEach(session::delete);
            }
            // settle the deletes now (the network propagates them lazily), so that the next request's
            // listeners see only that request's events; with table facts alone no rule matches (the probe)
            session.fireAllRules(match -> false);
            return session.getFactCount() == tableFacts.size();
        }
    }
}
