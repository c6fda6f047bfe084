package care.billing.evaluation.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a task per input item on worker threads, at most {@code window} at a time, and hands the
 * results on in input order on the calling thread: memory stays bounded by the window, not by the
 * input, and a slow item only holds back the ones behind it.
 */
final class OrderedPipeline {

    /** Where items come from; null at the end. */
    @FunctionalInterface
    interface Source<T> {
        T next() throws IOException;
    }

    /** Where results go, in input order. */
    @FunctionalInterface
    interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private final ExecutorService workers;
    private final int window;

    OrderedPipeline(ExecutorService workers, int window) {
        this.workers = workers;
        this.window = window;
    }

    <T, R> void run(Source<T> source, Function<T, R> task, Sink<R> sink) throws IOException {
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        try {
            for (T item = source.next(); item != null; item = source.next()) {
                T current = item;
                inFlight.add(CompletableFuture.supplyAsync(() -> task.apply(current), workers));
                if (inFlight.size() >= window) {
                    sink.accept(take(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                sink.accept(take(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(future -> future.cancel(true));
        }
    }

    private static <R> R take(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("a batch task failed unexpectedly", e.getCause());
        }
    }
}
