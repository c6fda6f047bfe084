package care.billing.engine;

import care.billing.engine.RuleFiles.RuleFile;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiles a small, throw-away rule file on a background thread while the service boots, so that
 * the class loading and compiler start-up of Drools (about half of a cold rules load) overlap the
 * boot instead of following it. The real rules are still compiled at startup (RulesService) from
 * the configured directory; nothing compiled here serves.
 */
public final class CompilerWarmUp {

    private static final Logger LOG = Logger.getLogger(CompilerWarmUp.class);

    /** Uses the same constructs as the bundled rules: joins, not, exists, accumulate, functions, both inserts. */
    private static final String DRL = """
            package warmup
            import care.billing.model.*;
            import care.billing.tables.*;
            function int twice(int minutes) { return minutes * 2; }
            rule "warm-up key"
            when
                TimeEntry( $pid : patientId, $provider : billingProviderId )
                not ProviderKey( patientId == $pid, billingProviderId == $provider )
            then
                insert(new ProviderKey($pid, $provider));
            end
            rule "warm-up pool"
            when
                ProviderKey( $pid : patientId, $provider : billingProviderId )
                exists Patient( id == $pid, payer in ("A", "B") )
                accumulate( TimeEntry( patientId == $pid, $eid : id, $m : minutes )
                            and not Exclusion( entryId == $eid, family == null || family == "F" );
                            $total : sum( $m ), $ids : collectSet( $eid ); $total > 0 )
            then
                insertLogical(FamilyTotal.of($pid, $provider, "R", "F", twice($total.intValue()), $ids));
            end
            """;

    private CompilerWarmUp() {
    }

    public static void startInBackground() {
        Thread thread = new Thread(CompilerWarmUp::compileOnce, "rules-compiler-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the warm-up rules compiled (a failure only makes the first load slower) */
    static boolean compileOnce() {
        try {
            RuleFiles files = new RuleFiles(Path.of("warm-up"), List.of(new RuleFile("warmup/warm-up.drl", DRL)),
                    "sha256:warm-up-000000");
            RuleCompiler.release(new RuleCompiler().compile(files));
            return true;
        } catch (RuntimeException | RuleProblemsException e) {
            LOG.debug("Compiler warm-up failed; the first rules load is merely slower", e);
            return false;
        }
    }
}
