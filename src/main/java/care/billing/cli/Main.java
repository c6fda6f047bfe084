package care.billing.cli;

import care.billing.ruleset.EarlyCompile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logmanager.Logger;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;

/**
 * One jar, two uses: with no arguments it serves the REST API; {@code check} and {@code record}
 * work on a rules directory from the command line without starting the service.
 */
@QuarkusMain
public final class Main {

    private static final Set<String> COMMANDS = Set.of("check", "record", "evaluate", "help", "--help", "-h");

    /**
     * Without the service, nothing configures logging: Drools would format trace records of every
     * fact (patient data included) for nobody to read. The commands log warnings only. Held here so
     * the configured loggers are not collected.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger(""), Logger.getLogger("org.drools"),
            Logger.getLogger("org.kie"));

    private Main() {
    }

    /**
     * Serving: the rules directory is compiled early, on a guess at its configuration (the
     * {@code billing.rules.dir} system property, {@code BILLING_RULES_DIR}, or {@code rules});
     * {@link EarlyCompile} discards the guess if the configured rules turn out to differ.
     */
    public static void main(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
            System.exit(new CommandLine(new BillingCommand()).execute(args));
        }
        EarlyCompile.start(Path.of(System.getProperty("billing.rules.dir",
                Objects.requireNonNullElse(System.getenv("BILLING_RULES_DIR"), "rules"))));
        Quarkus.run(Service.class, args);
    }

    /**
     * The service runs until it is stopped; with {@code -Dexit-after-start=true} it stops as soon
     * as it is ready, which the build uses to record the class-data archive that shortens startup
     * ({@code target/quarkus-app/app-cds.jsa}, README "Performance").
     */
    public static final class Service implements QuarkusApplication {
        @Override
        public int run(String... args) {
            if (!Boolean.getBoolean("exit-after-start")) {
                Quarkus.waitForExit();
            }
            return 0;
        }
    }
}
