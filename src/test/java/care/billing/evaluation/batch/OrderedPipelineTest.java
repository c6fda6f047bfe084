package care.billing.evaluation.batch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedPipelineTest {

    /** Tasks that finish in random order are handed on in input order, never more than the window at once. */
    @Test
    void resultsComeInInputOrderWithAtMostTheWindowInFlight() throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            List<Integer> out = new ArrayList<>();
            Random random = new Random(7);
            new OrderedPipeline(workers, 3).run(() -> next.get() < 200 ? next.getAndIncrement() : null, item -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(random.nextInt(3));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return item * 2;
            }, out::add);
            assertEquals(200, out.size());
            for (int i = 0; i < out.size(); i++) {
                assertEquals(i * 2, out.get(i));
            }
            assertTrue(most.get() <= 3, most.get() + " tasks in flight");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aFailedTaskEndsTheRunWithAnIoError() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger next = new AtomicInteger();
            IOException e = assertThrows(IOException.class, () -> new OrderedPipeline(workers, 2).run(
                    () -> next.get() < 5 ? next.getAndIncrement() : null,
                    item -> {
                        if (item == 3) {
                            throw new IllegalStateException("boom");
                        }
                        return item;
                    }, result -> { }));
            assertEquals("boom", e.getCause().getMessage());
        } finally {
            workers.shutdownNow();
        }
    }
}
