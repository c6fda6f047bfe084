package care.billing.web;

import care.billing.governance.RulesService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once rules are loaded. */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final RulesService rules;

    public RulesReadiness(RulesService rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        return rules.current()
                .map(r -> HealthCheckResponse.named("rules").up()
                        .withData("rulesVersion", r.version())
                        .withData("files", r.files().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("rules").down()
                        .withData("reason", "rules not loaded; see the log for file and line")
                        .build());
    }
}
