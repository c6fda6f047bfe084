package care.billing.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The command-line entry: {@code java -jar target/quarkus-app/quarkus-run.jar <command>}. */
@Command(name = "java -jar target/quarkus-app/quarkus-run.jar",
        description = "Care-management billing rules. Without a command the jar serves the REST API (serve).",
        mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        subcommands = {ServeCommand.class, CheckCommand.class, RecordCommand.class, EvaluateCommand.class,
                HelpCommand.class})
public class BillingCommand {

    /** The build's version, written into {@code version.properties} by Maven resource filtering. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = BillingCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            return new String[] {"ccm-billing-rules " + build.getProperty("version", "(version unknown)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
