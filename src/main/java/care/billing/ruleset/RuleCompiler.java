package care.billing.ruleset;

import care.billing.ruleset.RuleFiles.RuleFile;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles a rules directory at runtime: DRL through {@link KieBuilder} with the application's
 * class loader and a fresh {@link ReleaseId} per build, data tables through {@link TableLoader}.
 * Every problem is reported with file and line; nothing is returned unless all files are sound.
 */
public final class RuleCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final ClassLoader classLoader;
    private final Clock clock;

    public RuleCompiler(ClassLoader classLoader, Clock clock) {
        this.classLoader = classLoader;
        this.clock = clock;
    }

    /**
     * The application's class loader behind one miss cache shared by every compiler: the
     * application's classes never change, so what one compilation learned (the early compile at
     * startup, say) spares the next (the first reload).
     */
    private static final ClassLoader APPLICATION = new MissCachingClassLoader(RuleCompiler.class.getClassLoader());

    public RuleCompiler() {
        this(APPLICATION, Clock.systemUTC());
    }

    public LoadedRules compile(RuleFiles ruleFiles) throws RuleProblemsException {
        List<RuleProblem> problems = new ArrayList<>();
        DataTables tables = new TableLoader().load(ruleFiles.files(), problems);

        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("care.billing", "rules",
                "1.0." + BUILDS.incrementAndGet() + "-" + ruleFiles.version().substring(7, 19));
        KieFileSystem kfs = services.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleFile file : ruleFiles.files()) {
            if (file.isDrl()) {
                kfs.write(RESOURCES + file.path(), file.content());
            }
        }
        KieBuilder builder = services.newKieBuilder(kfs, classLoader).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath() == null ? "(rules)" : message.getPath().replaceFirst("^" + RESOURCES, "");
            problems.add(new RuleProblem(path, message.getLine(), message.getColumn(), message.getText().strip()));
        }
        if (!problems.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new RuleProblemsException(problems);
        }
        KieContainer container = services.newKieContainer(releaseId, classLoader);
        return new LoadedRules(container.getKieBase(), releaseId, tables, ruleFiles.version(),
                ruleFiles.files().stream().map(RuleFile::path).toList(), clock.instant());
    }

    /**
     * Forgets a snapshot's module once nothing new will be built from it, and closes its session pool
     * (evaluations in flight finish on their sessions first); its KieBase lives on while in use.
     */
    public static void release(LoadedRules rules) {
        rules.sessions().close();
        KieServices.get().getRepository().removeKieModule(rules.releaseId());
    }
}
