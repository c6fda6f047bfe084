package care.billing.app;

import care.billing.config.BillingConfig;
import care.billing.evaluation.BillingMetrics;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.scenarios.ScenarioSuite;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.time.Clock;

/** CDI producers: the service's one reader, evaluator (with its one time-limit thread), gate and clock. */
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

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
