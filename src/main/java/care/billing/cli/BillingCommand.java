package care.billing.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The command-line entry: {@code java -jar target/quarkus-app/quarkus-run.jar <command>}. */
@Command(name = "java -jar target/quarkus-app/quarkus-run.jar",
        description = "Care-management billing rules. Without a command the jar serves the REST API.",
        mixinStandardHelpOptions = true,
        subcommands = {CheckCommand.class, RecordCommand.class, EvaluateCommand.class, HelpCommand.class})
public class BillingCommand {
}
