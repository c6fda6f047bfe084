package care.billing.evaluation.batch;

import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.ruleset.LoadedRules;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Evaluates a stream of requests, one JSON request per line, and writes one result per line in
 * input order: the evaluation (as its {@link LineFormat} writes it) or a problem naming the line.
 * Lines are cut into chunks ({@link ChunkReader}); each chunk is answered on a worker
 * ({@link LineEvaluator}: requests of the same month share one KIE session, sessions are never
 * shared between threads), at most {@code window} chunks in flight ({@link OrderedPipeline}), so
 * memory stays bounded by the window, not the input. The whole batch uses the rules snapshot it
 * started with.
 */
public final class BatchEvaluator {

    private final RequestReader reader;
    private final Evaluator evaluator;
    private final ObjectMapper mapper;
    private final OrderedPipeline pipeline;
    private final ExecutorService workers;
    private final int window;
    private final int chunkSize;
    private final int maxLineBytes;
    private final LineEvaluator lines;

    /**
     * @param mapper    writes problems, and results in the default format (the REST responses' JSON)
     * @param window    chunks in flight at most
     * @param chunkSize lines evaluated together in one KIE session (see {@link care.billing.evaluation.ChunkEvaluator})
     */
    public BatchEvaluator(RequestReader reader, Evaluator evaluator, ObjectMapper mapper, ExecutorService workers,
                          int window, int chunkSize, int maxLineBytes) {
        this(reader, evaluator, mapper, workers, window, chunkSize, maxLineBytes, LineFormat.json(mapper));
    }

    private BatchEvaluator(RequestReader reader, Evaluator evaluator, ObjectMapper mapper, ExecutorService workers,
                           int window, int chunkSize, int maxLineBytes, LineFormat format) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.workers = workers;
        this.window = window;
        this.chunkSize = chunkSize;
        this.maxLineBytes = maxLineBytes;
        this.pipeline = new OrderedPipeline(workers, window);
        this.lines = new LineEvaluator(reader, mapper, format, maxLineBytes);
    }

    /** The same pipeline writing evaluated lines in another format (rejected lines stay problem objects). */
    public BatchEvaluator writing(LineFormat format) {
        return new BatchEvaluator(reader, evaluator, mapper, workers, window, chunkSize, maxLineBytes, format);
    }

    /**
     * Evaluates with the rules of {@code rules}.
     *
     * @param each sees every line's result in input order (progress, claim-line export, metrics); may do nothing
     */
    public BatchStats run(LoadedRules rules, InputStream input, OutputStream out, Consumer<LineResult> each)
            throws IOException {
        return run(Evaluations.of(rules, evaluator), input, out, each);
    }

    /** The same pipeline with any evaluations (the benchmark plugs in a hand-written one). */
    public BatchStats run(Evaluations evaluations, InputStream input, OutputStream out, Consumer<LineResult> each)
            throws IOException {
        ChunkReader chunks = new ChunkReader(input, maxLineBytes, chunkSize);
        Writer writer = new Writer(out, each);
        pipeline.run(chunks::next, chunk -> lines.evaluate(evaluations, chunk), writer);
        out.flush();
        return writer.stats;
    }

    /** Writes each result on its line and counts it. */
    private static final class Writer implements OrderedPipeline.Sink<List<LineResult>> {

        private final OutputStream out;
        private final Consumer<LineResult> each;
        private BatchStats stats = BatchStats.NONE;

        Writer(OutputStream out, Consumer<LineResult> each) {
            this.out = out;
            this.each = each;
        }

        @Override
        public void accept(List<LineResult> results) throws IOException {
            for (LineResult result : results) {
                out.write(result.json());
                out.write('\n');
                stats = stats.plus(result);
                each.accept(result);
            }
        }
    }
}
