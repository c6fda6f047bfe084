package care.billing.cli;

import care.billing.ruleset.EarlyCompile;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code serve} (also what the jar does without arguments): the REST API until stopped. */
@Command(name = Main.SERVE, mixinStandardHelpOptions = true,
        description = {"Serves the REST API (the default without a command).",
                "The rules directory is billing.rules.dir (-Dbilling.rules.dir=DIR or BILLING_RULES_DIR, default rules); "
                        + "the port is quarkus.http.port (default 8080)."})
public class ServeCommand implements Callable<Integer> {

    private final Runnable server;

    ServeCommand(Runnable server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        server.run();
        return 0;
    }

    /**
     * Serving: the rules directory is compiled early, on a guess at its configuration (the
     * {@code billing.rules.dir} system property, {@code BILLING_RULES_DIR}, or {@code rules});
     * {@link EarlyCompile} discards the guess if the configured rules turn out to differ.
     */
    static void startService() {
        EarlyCompile.start(Path.of(System.getProperty("billing.rules.dir",
                Objects.requireNonNullElse(System.getenv("BILLING_RULES_DIR"), "rules"))));
        Quarkus.run(Main.Service.class);
    }
}
