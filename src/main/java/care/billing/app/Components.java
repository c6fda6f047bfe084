package care.billing.app;

import care.billing.config.BillingConfig;
import care.billing.evaluation.BillingMetrics;
import care.billing.evaluation.Evaluator;
import care.billing.evaluation.RequestReader;
import care.billing.evaluation.Validators;
import care.billing.evaluation.batch.BatchEvaluator;
import care.billing.scenarios.ScenarioRunner;
import care.billing.scenarios.ScenarioSuite;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.concurrent.ExecutorService;

/**
 * The object graph of an evaluation, built in one place from the typed configuration: the service
 * builds it through CDI ({@link Producers}), the command line through {@link #fromEnvironment()}.
 * Every limit and default therefore lives once, in {@code application.properties}, and the command
 * line honours the same file, {@code BILLING_*} environment variables and {@code -Dbilling.*}.
 */
public final class Components {

    private final BillingConfig config;
    private final RequestReader reader;
    private final Evaluator evaluator;
    private final BillingMetrics metrics;
    private final Evaluator servingEvaluator;

    /** @param registry where the billing meters go (the service's Prometheus registry; a no-op one outside it) */
    public Components(BillingConfig config, Validator validator, MeterRegistry registry) {
        this.config = config;
        this.reader = new RequestReader(validator, config.limits().maxEntries());
        this.evaluator = new Evaluator(config.engine().maxFirings(), config.engine().maxMillis());
        this.metrics = new BillingMetrics(registry);
        this.servingEvaluator = evaluator.observedBy(metrics).reusingSessions(config.engine().reuseSessions());
    }

    /**
     * The graph outside the service: configuration read by SmallRye Config from system properties,
     * the environment and the jar's {@code application.properties}, exactly as the service reads it.
     */
    public static Components fromEnvironment() {
        return new Components(configuration(), Validators.standalone(), new CompositeMeterRegistry());
    }

    /** The typed configuration from the same sources, in the same order, as the running service. */
    public static BillingConfig configuration() {
        return configuration(java.util.Map.of());
    }

    /** The same, with {@code overrides} (key to value) above every other source. */
    public static BillingConfig configuration(java.util.Map<String, String> overrides) {
        URL properties = Components.class.getClassLoader().getResource("application.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDefaultInterceptors()
                .withMapping(BillingConfig.class)
                .withValidateUnknown(false);
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + properties, e);
            }
        }
        builder.withSources(new PropertiesConfigSource(overrides, "overrides", 1000));
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(BillingConfig.class);
    }

    public BillingConfig config() {
        return config;
    }

    public RequestReader reader() {
        return reader;
    }

    /** The evaluator of scenarios, impact and the command line: its sessions are not billing metrics. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * The evaluator of the billing system's requests: the same, with every session in the billing metrics,
     * taking its sessions from the serving snapshot's pool when billing.engine.reuse-sessions is true.
     */
    public Evaluator servingEvaluator() {
        return servingEvaluator;
    }

    public BillingMetrics metrics() {
        return metrics;
    }

    /** The scenario gate: scenarios read and evaluated like requests to the service. */
    public ScenarioSuite scenarioSuite() {
        return new ScenarioSuite(new ScenarioRunner(reader, evaluator), config.batch().chunkSize());
    }

    /**
     * The month-end pipeline over {@code workers}, with the configured chunk size and line limit; its
     * sessions are billing metrics.
     */
    public BatchEvaluator batchEvaluator(ObjectMapper mapper, ExecutorService workers, int inFlight) {
        return batchEvaluator(mapper, workers, inFlight, null);
    }

    /** The same with another chunk size, or the configured one when {@code chunkSize} is null. */
    public BatchEvaluator batchEvaluator(ObjectMapper mapper, ExecutorService workers, int inFlight, Integer chunkSize) {
        return new BatchEvaluator(reader, servingEvaluator, mapper, workers, inFlight,
                chunkSize == null ? config.batch().chunkSize() : chunkSize, config.limits().maxBodyBytes());
    }
}
