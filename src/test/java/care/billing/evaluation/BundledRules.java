package care.billing.evaluation;

import care.billing.app.Components;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblemsException;

import java.nio.file.Path;

/** The bundled rules/ directory compiled once, and the service's reader and evaluator, for plain JUnit tests (no Quarkus boot). */
public final class BundledRules {

    public static final Path DIR = Path.of("rules");

    private static LoadedRules loaded;
    private static final Components COMPONENTS = Components.fromEnvironment();

    private BundledRules() {
    }

    public static synchronized LoadedRules get() {
        if (loaded == null) {
            try {
                loaded = new RuleCompiler().compile(RuleFiles.read(DIR));
            } catch (RuleProblemsException e) {
                throw new AssertionError("bundled rules do not compile: " + e.problems(), e);
            }
        }
        return loaded;
    }

    /** A request body read as the service reads it, against the bundled rules' vocabulary. */
    public static EvaluationInput read(byte[] body) {
        return reader().read(body, get().tables().vocabulary());
    }

    public static EvaluationInput read(String body) {
        return read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static RequestReader reader() {
        return COMPONENTS.reader();
    }

    public static Evaluator evaluator() {
        return COMPONENTS.evaluator();
    }
}
