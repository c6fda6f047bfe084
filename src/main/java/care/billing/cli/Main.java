package care.billing.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logmanager.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Level;

/**
 * One jar, two uses: without arguments (or with {@code serve}) it serves the REST API; {@code check},
 * {@code record} and {@code evaluate} work on a rules directory from the command line without
 * starting the service. Every argument list goes through picocli first, so a mistyped command or
 * option is a usage error (exit 2) and never starts the server.
 */
@QuarkusMain
public final class Main {

    /** The command that starts the service, implied when the jar is run without arguments. */
    static final String SERVE = "serve";

    /**
     * Without the service, nothing configures logging: Drools would format trace records of every
     * fact (patient data included) for nobody to read. The commands log warnings only. Held here so
     * the configured loggers are not collected.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger(""), Logger.getLogger("org.drools"),
            Logger.getLogger("org.kie"));

    private Main() {
    }

    public static void main(String... args) {
        System.exit(run(ServeCommand::startService, args));
    }

    /** Runs the command line, {@code serve} when there are no arguments; the exit status. */
    static int run(Runnable server, String... args) {
        CommandLine cli = commandLine(server);
        cli.setExecutionStrategy(parsed -> {
            if (!serves(parsed)) {
                QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args.length == 0 ? new String[] {SERVE} : args);
    }

    /**
     * The command line of the jar; {@code server} is what {@code serve} runs. Only a fully parsed
     * {@code serve} reaches it: a parse error prints the error and the usage and returns 2.
     */
    static CommandLine commandLine(Runnable server) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new BillingCommand(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == ServeCommand.class ? (K) new ServeCommand(server) : defaults.create(type);
            }
        });
        cli.setParameterExceptionHandler(Main::usageError);
        return cli;
    }

    private static boolean serves(ParseResult parsed) {
        return parsed.hasSubcommand() && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
    }

    /** The error, a "did you mean" when picocli has one, and always the usage of the command concerned. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        cmd.usage(err, cmd.getColorScheme());
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
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
