package care.billing.ruleset;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The reusable sessions of one rules snapshot: Drools' {@link KieSessionsPool} over the snapshot's
 * {@link KieBase}, made on the first lease. A pooled session is reset when it is given back, so the
 * next evaluation starts as on a fresh session, without paying for building one.
 *
 * <p>A session never outlives its snapshot: {@link #close()} (through {@link RuleCompiler#release})
 * shuts the Drools pool down, but only once every session leased from it has been given back, so
 * evaluations in flight finish on their sessions. An evaluation that took the snapshot before it was
 * released and leases after gets a fresh session of the same rules, disposed when given back.
 */
public final class SessionPool {

    private final KieBase kieBase;
    private KieSessionsPool pool;
    private int leased;
    private boolean closed;

    public SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session for one evaluation; give it back with {@link Lease#close()}, listeners removed. */
    public Lease lease() {
        KieSessionsPool from;
        synchronized (this) {
            if (closed) {
                from = null;
            } else {
                if (pool == null) {
                    pool = kieBase.newKieSessionsPool(1);
                }
                from = pool;
                leased++;
            }
        }
        if (from == null) {
            return new Lease(this, kieBase.newKieSession(), false);
        }
        try {
            return new Lease(this, from.newKieSession(), true);
        } catch (RuntimeException e) {
            returned();
            throw e;
        }
    }

    /** No more leases from the pool; it is shut down now, or when the last leased session comes back. */
    public void close() {
        KieSessionsPool idle;
        synchronized (this) {
            closed = true;
            idle = leased == 0 ? pool : null;
            if (idle != null) {
                pool = null;
            }
        }
        if (idle != null) {
            idle.shutdown();
        }
    }

    /** Sessions leased from the pool and not given back yet. */
    public synchronized int leased() {
        return leased;
    }

    /** Whether the pool is closed. */
    public synchronized boolean closed() {
        return closed;
    }

    private void returned() {
        KieSessionsPool last;
        synchronized (this) {
            leased--;
            last = closed && leased == 0 ? pool : null;
            if (last != null) {
                pool = null;
            }
        }
        if (last != null) {
            last.shutdown();
        }
    }

    /** One session for one evaluation; closing it gives it back (reset into the pool, or disposed). */
    public static final class Lease implements AutoCloseable {

        private final SessionPool owner;
        private final KieSession session;
        private final boolean pooled;
        private boolean closed;

        private Lease(SessionPool owner, KieSession session, boolean pooled) {
            this.owner = owner;
            this.session = session;
            this.pooled = pooled;
        }

        public KieSession session() {
            return session;
        }

        /** Whether the session came from the pool (false: a fresh one, the pool being closed). */
        public boolean pooled() {
            return pooled;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                session.dispose();
            } finally {
                if (pooled) {
                    owner.returned();
                }
            }
        }
    }
}
