package care.billing.scenarios;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which rules fired over a scenario run. Rules with {@code @dormant("why")} metadata are
 * switched off by data in every bundled payer (for example a date-of-service mode no payer uses)
 * and are listed apart from rules that no scenario exercises.
 */
public final class RuleCoverage extends DefaultAgendaEventListener {

    private final Set<String> fired = ConcurrentHashMap.newKeySet();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(key(event.getMatch().getRule()));
    }

    /** Whether {@code rule} fired in at least one evaluation seen. */
    public boolean fired(Rule rule) {
        return fired.contains(key(rule));
    }

    /** Rules that never fired and are not marked dormant, as {@code package: name}. */
    public List<String> unfired(KieBase kieBase) {
        return collect(kieBase, false);
    }

    /** Dormant rules that never fired, with the reason. */
    public List<String> dormant(KieBase kieBase) {
        return collect(kieBase, true);
    }

    private List<String> collect(KieBase kieBase, boolean dormant) {
        List<String> out = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Object reason = rule.getMetaData().get("dormant");
                if (!fired.contains(key(rule)) && (reason != null) == dormant) {
                    out.add(key(rule) + (dormant ? " (" + reason + ")" : ""));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + ": " + rule.getName();
    }
}
