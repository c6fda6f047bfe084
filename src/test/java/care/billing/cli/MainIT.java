package care.billing.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar as a user runs it ({@code java -jar target/quarkus-app/quarkus-run.jar ...}): a
 * mistyped command exits with a usage error within seconds and never listens on the HTTP port.
 * Runs after {@code package} (failsafe, {@code ./mvnw verify}).
 */
class MainIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Exit(int status, String out, String err, boolean portAnswered, long millis) {
    }

    /** Runs the jar with {@code args}, the HTTP port set to a free one, and tries that port while it runs. */
    static Exit runJar(String... args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by `./mvnw package`");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dbilling.governance.dir=target/workbench-it", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("main-it", ".out");
        Path err = Files.createTempFile("main-it", ".err");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean answered = false;
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                answered |= listens(port);
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                    break;
                }
            }
            answered |= process.isAlive() && listens(port);
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Exit exit = new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), answered, millis);
        Files.delete(out);
        Files.delete(err);
        return exit;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 50);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aMistypedCommandExitsWithUsageAndNeverListens() throws Exception {
        Exit exit = runJar("chek", "rules");

        assertEquals(2, exit.status(), exit.err());
        assertFalse(exit.portAnswered(), "something listened on the HTTP port");
        assertTrue(exit.millis() < 20_000, exit.millis() + " ms");
        assertTrue(exit.err().contains("Unmatched arguments from index 0: 'chek', 'rules'"), exit.err());
        assertTrue(exit.err().contains("Did you mean: check"), exit.err());
        assertTrue(exit.err().contains("Usage: java -jar target/quarkus-app/quarkus-run.jar"), exit.err());
        assertFalse(exit.out().contains("Listening on") || exit.err().contains("Listening on"), exit.out() + exit.err());
    }

    @Test
    void versionPrintsAndExits() throws Exception {
        Exit exit = runJar("--version");

        assertEquals(0, exit.status(), exit.err());
        assertFalse(exit.portAnswered());
        assertTrue(exit.out().startsWith("ccm-billing-rules 1.0.0"), exit.out());
    }
}
