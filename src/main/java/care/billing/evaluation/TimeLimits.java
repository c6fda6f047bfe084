package care.billing.evaluation;

import org.kie.api.runtime.KieSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time limits of running evaluations, watched by one daemon thread that looks at them every
 * tick and halts those past their deadline. Starting and ending an evaluation only adds it to and
 * removes it from a concurrent set: a timer task per evaluation (schedule, then cancel) woke the
 * timer thread twice per request: 234–265 µs per month with it, 147–167 µs without, in a loop of
 * kept sessions on two cores (docs/performance.md). A limit is met within one tick, {@value #TICK_MILLIS} ms. One watchdog serves
 * every evaluator of the JVM.
 */
final class TimeLimits {

    static final long TICK_MILLIS = 10;
    private static final TimeLimits SHARED = new TimeLimits();

    private final Set<Limit> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor thread;

    private TimeLimits() {
        thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread watchdog = new Thread(runnable, "rules-time-limit");
            watchdog.setDaemon(true);
            return watchdog;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.scheduleWithFixedDelay(this::haltOverdue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JVM's watchdog. */
    static TimeLimits shared() {
        return SHARED;
    }

    /** Starts the clock of one use of {@code session}: it is halted once {@code maxMillis} have passed, unless disarmed first. */
    Limit start(KieSession session, long maxMillis) {
        Limit limit = new Limit(session, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis));
        running.add(limit);
        return limit;
    }

    /** The thread that watches the limits, for a rare one-off alarm (a short replay of a runaway evaluation). */
    ScheduledThreadPoolExecutor thread() {
        return thread;
    }

    /** Halts the overdue; an exception from one halt must not stop the watchdog, whose later runs it would cancel. */
    private void haltOverdue() {
        long now = System.nanoTime();
        for (Limit limit : running) {
            if (now - limit.deadline >= 0) {
                try {
                    limit.halt();
                } catch (RuntimeException e) {
                    running.remove(limit);
                }
            }
        }
    }

    /**
     * The time limit of one use of a session: halts it once, unless disarmed first. Disarming waits
     * for a halt in progress, so a pooled session is never halted after it went back to the pool.
     */
    final class Limit {

        private final KieSession session;
        private final long deadline;
        private boolean armed = true;
        private boolean halted;

        private Limit(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }

        private synchronized void halt() {
            if (armed) {
                halted = true;
                armed = false;
                session.halt();
            }
        }

        synchronized void disarm() {
            armed = false;
            running.remove(this);
        }

        synchronized boolean halted() {
            return halted;
        }
    }
}
