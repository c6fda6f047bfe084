package care.billing.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's argument handling, in process: only no arguments or {@code serve} start the service; a
 * mistyped command or option is a usage error; help and version print and exit 0; every command
 * takes the rules directory as {@code --rules DIR} (and {@code check} also as its one argument).
 */
class CommandLineTest {

    record Outcome(int exit, int served, String out, String err) {
    }

    /** {@link Main#run} with a stand-in service that only counts how often it was started. */
    static Outcome main(String... args) {
        AtomicInteger served = new AtomicInteger();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(served::incrementAndGet, args);
            return new Outcome(exit, served.get(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void noArgumentsServe() {
        Outcome run = main();
        assertEquals(0, run.exit());
        assertEquals(1, run.served());
    }

    @Test
    void serveServes() {
        Outcome run = main("serve");
        assertEquals(0, run.exit());
        assertEquals(1, run.served());
    }

    @Test
    void aMistypedCommandIsAUsageErrorAndNeverServes() {
        Outcome run = main("chek", "rules");
        assertEquals(2, run.exit(), run.err());
        assertEquals(0, run.served());
        assertTrue(run.err().contains("Unmatched arguments from index 0: 'chek', 'rules'"), run.err());
        assertTrue(run.err().contains("Did you mean: check"), run.err());
        assertTrue(run.err().contains("Usage: java -jar target/quarkus-app/quarkus-run.jar"), run.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorAndNeverServes() {
        for (String[] args : new String[][] {{"--verbose"}, {"-x"}, {"serve", "--port", "9000"}}) {
            Outcome run = main(args);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertEquals(0, run.served(), String.join(" ", args));
            assertTrue(run.err().contains("Unknown option") && run.err().contains("Usage:"), run.err());
        }
    }

    @Test
    void anUnknownOptionOfACommandShowsThatCommandsUsage() {
        Outcome run = main("check", "--rulez", "rules");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("Unknown option: '--rulez'"), run.err());
        assertTrue(run.err().contains("Usage: java -jar target/quarkus-app/quarkus-run.jar check"), run.err());
        assertTrue(run.err().contains("--rules=DIR"), run.err());
    }

    @Test
    void versionPrintsTheBuildVersionAndExits() {
        Outcome run = main("--version");
        assertEquals(0, run.exit());
        assertEquals(0, run.served());
        assertTrue(run.out().matches("(?s)ccm-billing-rules \\d+\\.\\d+\\.\\d+\\S*\\RJava .*"), run.out());
    }

    @Test
    void helpListsEveryCommandAndExits() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            Outcome run = main(args);
            assertEquals(0, run.exit(), String.join(" ", args));
            assertEquals(0, run.served());
            for (String command : new String[] {"serve", "check", "record", "evaluate"}) {
                assertTrue(run.out().contains("\n  " + command + " "), run.out());
            }
        }
        Outcome check = main("check", "--help");
        assertEquals(0, check.exit());
        assertTrue(check.out().contains("--rules=DIR") && check.out().contains("Shorthand for --rules DIR"), check.out());
    }

    /** Every command that reads rules takes --rules DIR; check also takes the directory as its argument. */
    @Test
    void everyCommandTakesTheRulesDirectoryAsRules() {
        String missing = Path.of("no-such-rules").toAbsolutePath().toString();
        Outcome option = main("check", "--rules", "no-such-rules");
        Outcome shorthand = main("check", "no-such-rules");
        for (Outcome run : new Outcome[] {option, shorthand}) {
            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().contains("Checking rules in " + missing), run.out());
            assertTrue(run.out().contains("ERROR no-such-rules: rules directory not found"), run.out());
        }
        for (String command : new String[] {"record", "evaluate"}) {
            Outcome help = main(command, "--help");
            assertTrue(help.out().contains("--rules=DIR") && help.out().contains("Rules directory (default: rules)."),
                    help.out());
        }
    }

    @Test
    void twoDifferentRulesDirectoriesAreAUsageError() {
        Outcome run = main("check", "--rules", "rules", "other-rules");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("Two rules directories: --rules rules and other-rules; give one"), run.err());
        assertFalse(run.out().contains("Checking rules"), run.out());
    }
}
