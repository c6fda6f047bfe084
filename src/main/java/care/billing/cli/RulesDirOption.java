package care.billing.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --rules DIR} option shared by the commands that evaluate requests. */
final class RulesDirOption {

    @Option(names = "--rules", defaultValue = "rules", paramLabel = "DIR",
            description = "Rules directory (default: ${DEFAULT-VALUE}).")
    Path dir;
}
