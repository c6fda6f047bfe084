package care.billing.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --rules DIR} option every command that reads rules takes the same way. */
final class RulesDirOption {

    static final Path DEFAULT = Path.of("rules");

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory (default: rules).")
    Path given;

    /** The directory given, or {@code rules}. */
    Path dir() {
        return given == null ? DEFAULT : given;
    }

    @Override
    public String toString() {
        return dir().toString();
    }
}
