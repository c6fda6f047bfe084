package care.billing.evaluation;

import care.billing.model.Patient;
import care.billing.model.PerPatient;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rules that fired for each patient, in firing order, as {@code package: rule name}. */
public final class FiringLog extends DefaultAgendaEventListener {

    private final Map<String, List<String>> byPatient = new TreeMap<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String patientId = null;
        for (Object fact : event.getMatch().getObjects()) {
            if (fact instanceof Patient patient) {
                patientId = patient.id();
            } else if (fact instanceof PerPatient perPatient) {
                patientId = perPatient.patientId();
            }
            if (patientId != null) {
                break;
            }
        }
        if (patientId != null) {
            byPatient.computeIfAbsent(patientId, k -> new ArrayList<>())
                    .add(event.getMatch().getRule().getPackageName() + ": " + event.getMatch().getRule().getName());
        }
    }

    public Map<String, List<String>> byPatient() {
        return byPatient;
    }
}
