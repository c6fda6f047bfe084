package care.billing.engine;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rules currently serving, as one atomic reference to an immutable snapshot. Loads the
 * rules directory at startup; a directory that does not compile leaves the service not ready and
 * logs every problem with file and line.
 */
@ApplicationScoped
public class RulesService {

    private static final Logger LOG = Logger.getLogger(RulesService.class);

    private final BillingConfig config;
    private final RuleCompiler compiler = new RuleCompiler();
    private final AtomicReference<LoadedRules> current = new AtomicReference<>();

    public RulesService(BillingConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = rulesDirectory();
        try {
            LoadedRules rules = compiler.compile(RuleFiles.read(dir));
            swap(rules);
            LOG.infof("Loaded %d rule files from %s, version %s", rules.files().size(), dir.toAbsolutePath(), rules.version());
        } catch (RuleProblemsException e) {
            LOG.errorf("Rules in %s did not load; the service stays not ready. %d problem(s):", dir.toAbsolutePath(),
                    e.problems().size());
            e.problems().forEach(p -> LOG.error("  " + p));
        }
    }

    public Path rulesDirectory() {
        return Path.of(config.rules().dir());
    }

    /** The snapshot serving now, if rules are loaded. */
    public Optional<LoadedRules> current() {
        return Optional.ofNullable(current.get());
    }

    /** Publishes a new snapshot atomically and forgets the old one's module. */
    public void swap(LoadedRules rules) {
        LoadedRules old = current.getAndSet(rules);
        if (old != null) {
            RuleCompiler.release(old);
        }
    }
}
