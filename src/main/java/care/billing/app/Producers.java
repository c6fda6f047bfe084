package care.billing.app;

import care.billing.config.BillingConfig;
import care.billing.evaluation.BillingMetrics;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.governance.Drafts;
import care.billing.governance.History;
import care.billing.scenarios.ScenarioSuite;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.nio.file.Path;
import java.time.Clock;

/** CDI producers: the service's one reader, evaluator (with its one time-limit thread), gate, history, drafts and clock. */
@ApplicationScoped
public class Producers {

    @Produces
    @Singleton
    Components components(BillingConfig config, Validator validator, MeterRegistry registry) {
        return new Components(config, validator, registry);
    }

    @Produces
    @Singleton
    BillingMetrics metrics(Components components) {
        return components.metrics();
    }

    @Produces
    @Singleton
    RequestReader reader(Components components) {
        return components.reader();
    }

    @Produces
    @Singleton
    Evaluator evaluator(Components components) {
        return components.evaluator();
    }

    @Produces
    @Singleton
    ScenarioSuite scenarioGate(Components components) {
        return components.scenarioSuite();
    }

    /** The git history of published rule versions, under billing.governance.dir (docs/workbench.md). */
    @Produces
    @Singleton
    History history(BillingConfig config) {
        return History.open(Path.of(config.governance().dir(), "history"));
    }

    void close(@Disposes History history) {
        history.close();
    }

    /** The workbench's drafts, on disk under billing.governance.dir so a restart keeps them. */
    @Produces
    @Singleton
    Drafts drafts(BillingConfig config) {
        return new Drafts(Path.of(config.governance().dir(), "drafts"));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
