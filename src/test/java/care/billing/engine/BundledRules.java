package care.billing.engine;

import care.billing.api.RequestReader;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

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

    public static Validator validator() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    public static RequestReader reader() {
        return new RequestReader(validator(), 10_000);
    }

    public static Evaluator evaluator() {
        return new Evaluator(200_000);
    }
}
