package care.billing.bench;

import care.billing.evaluation.EvaluationInput;
import care.billing.evaluation.RequestReader;
import care.billing.ruleset.Vocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the session and rules comparisons share: the valid months of a file, and the median of per-pass ratios. */
final class BenchMonths {

    private BenchMonths() {
    }

    /** The months of an NDJSON file of evaluation requests that the reader accepts; invalid lines never reach the rules. */
    static List<EvaluationInput> valid(RequestReader reader, Path file, Vocabulary vocabulary) throws IOException {
        List<EvaluationInput> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            try {
                inputs.add(reader.read(line.getBytes(StandardCharsets.UTF_8), vocabulary));
            } catch (RuntimeException invalid) {
                // left out
            }
        }
        return inputs;
    }

    /** The number of passes: the argument at {@code index}, or 7 when there is none. */
    static int passes(String[] args, int index) {
        int passes = args.length > index ? Integer.parseInt(args[index]) : 7;
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1");
        }
        return passes;
    }

    /** The most months that make whole blocks of {@code block}; refuses fewer than one block. */
    static int wholeBlocks(List<EvaluationInput> inputs, int block) {
        int months = inputs.size() / block * block;
        if (months == 0) {
            throw new IllegalStateException("need at least " + block + " valid months, got " + inputs.size());
        }
        return months;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
