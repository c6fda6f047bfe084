package care.billing.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

import java.util.Set;

/**
 * One jar, two uses: with no arguments it serves the REST API; {@code check} and {@code record}
 * work on a rules directory from the command line without starting the service.
 */
@QuarkusMain
public final class Main {

    private static final Set<String> COMMANDS = Set.of("check", "record", "help", "--help", "-h");

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(new CommandLine(new BillingCommand()).execute(args));
        }
        Quarkus.run(args);
    }
}
