package care.billing.evaluation;

/** Sees every rules session an {@link Evaluator} completes (billing metrics). */
@FunctionalInterface
public interface SessionObserver {

    SessionObserver NONE = (requests, firings, nanos) -> { };

    /**
     * @param requests how many requests the session held (more than one: a chunk of a batch)
     * @param firings  rule firings in the session
     * @param nanos    time from creating the session to collecting its results
     */
    void sessionDone(int requests, int firings, long nanos);
}
