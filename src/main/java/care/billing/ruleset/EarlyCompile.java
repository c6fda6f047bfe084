package care.billing.ruleset;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts compiling the rules directory on a background thread as the process starts, so that the
 * compilation (about as long as the rest of the boot) overlaps the boot instead of following it.
 * {@link RulesService} still reads the configured directory at startup and takes the early
 * snapshot only if it was compiled from exactly the files it reads (same paths and contents, the
 * same {@link RuleFiles#version()}); otherwise, or if the early compilation failed, it compiles
 * as usual and reports any problem with file and line.
 */
public final class EarlyCompile {

    private static final Logger LOG = Logger.getLogger(EarlyCompile.class);
    private static final AtomicReference<CompletableFuture<LoadedRules>> PENDING = new AtomicReference<>();

    private EarlyCompile() {
    }

    /** Starts compiling {@code directory} unless an early compilation is already pending. */
    public static void start(Path directory) {
        CompletableFuture<LoadedRules> future = new CompletableFuture<>();
        if (!PENDING.compareAndSet(null, future)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                future.complete(new RuleCompiler().compile(RuleFiles.read(directory)));
            } catch (Throwable e) { // whatever happens, startup must not wait forever on this future
                future.completeExceptionally(e);
            }
        }, "rules-early-compile");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The early snapshot, waiting for it if need be, when it was compiled from exactly {@code files};
     * empty when there is none, it failed, or the files differ (it is then released). Taken once.
     */
    public static Optional<LoadedRules> take(RuleFiles files) {
        CompletableFuture<LoadedRules> future = PENDING.getAndSet(null);
        if (future == null) {
            return Optional.empty();
        }
        LoadedRules early;
        try {
            early = future.join();
        } catch (CompletionException e) {
            LOG.debug("The early compilation failed; compiling at startup", e.getCause());
            return Optional.empty();
        }
        if (early.version().equals(files.version())) {
            return Optional.of(early);
        }
        LOG.debugf("The early compilation read %s, the configured rules are %s; compiling at startup",
                early.version(), files.version());
        RuleCompiler.release(early);
        return Optional.empty();
    }
}
