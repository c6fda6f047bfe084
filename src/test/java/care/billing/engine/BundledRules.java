package care.billing.engine;

import care.billing.api.RequestReader;

import java.nio.file.Path;

/** The bundled rules/ directory compiled once for plain JUnit tests (no Quarkus boot). */
public final class BundledRules {

    public static final Path DIR = Path.of("rules");

    private static LoadedRules loaded;

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

    public static RequestReader reader() {
        return RequestReader.standalone();
    }

    public static Evaluator evaluator() {
        return Evaluator.withDefaults();
    }
}
