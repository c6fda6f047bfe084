package care.billing.governance;

import care.billing.app.Components;
import care.billing.config.BillingConfig;
import care.billing.evaluation.RulesCopy;
import care.billing.evaluation.Validators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history and the drafts live on disk: a service started again on the same directories serves
 * the last published version, lists every version as before, and finds the drafts it had.
 */
class RestartTest {

    @TempDir
    Path temp;

    /** One run of the service: its rules service over the directories, started. */
    private record Run(RulesService rules, History history, Drafts drafts) implements AutoCloseable {
        @Override
        public void close() {
            rules.current().ifPresent(care.billing.ruleset.RuleCompiler::release);
            history.close();
        }
    }

    private Run start(Path rules, Path governance) {
        BillingConfig config = Components.configuration(Map.of("billing.rules.dir", rules.toString(),
                "billing.governance.dir", governance.toString()));
        Components components = new Components(config, Validators.standalone(), new SimpleMeterRegistry());
        History history = History.open(governance.resolve("history"));
        RulesService service = new RulesService(config, components.scenarioSuite(), Clock.systemUTC(),
                components.metrics(), history);
        service.onStart(null);
        return new Run(service, history, new Drafts(governance.resolve("drafts")));
    }

    @Test
    void aRestartedServiceServesTheLastPublishedVersionWithItsHistoryAndDrafts() throws Exception {
        Path rules = RulesCopy.into(temp.resolve("rules"));
        Path governance = temp.resolve("governance");
        String first;
        String published;
        String draftId;
        try (Run run = start(rules, governance)) {
            first = run.rules().current().orElseThrow().version();
            Map<String, String> files = RulesTree.read(rules);
            Drafts.Draft draft = run.drafts().create("editor", files, first, run.rules().servingCommit().orElseThrow(),
                    java.time.Instant.parse("2026-12-02T09:00:00Z"));
            run.drafts().write(draft, RulesPath.of("common/choice.drl"), "// reviewed\n" + files.get("common/choice.drl"),
                    "editor", java.time.Instant.parse("2026-12-02T09:01:00Z"));
            ReloadOutcome outcome = run.rules().install(run.drafts().rules(draft), "publish",
                    new RulesService.Change("publish", "editor", "approver", "Reviewed the choice rules"), draft.baseCommit());
            assertTrue(outcome.loaded(), () -> outcome.problems() + " " + outcome.failedScenarios());
            published = outcome.rulesVersion();
            draftId = run.drafts().create("editor2", RulesTree.read(rules), published, outcome.commit(),
                    java.time.Instant.parse("2026-12-02T09:05:00Z")).id();
        }
        try (Run again = start(rules, governance)) {
            assertEquals(published, again.rules().current().orElseThrow().version());
            List<Version> versions = again.history().versions(again.rules().servingCommit().orElseThrow());
            assertEquals(List.of("publish", "initial"), versions.stream().map(Version::kind).toList(),
                    "a restart on unchanged files records nothing new");
            assertEquals("editor", versions.get(0).editor());
            assertEquals("approver", versions.get(0).approver());
            assertEquals("Reviewed the choice rules", versions.get(0).message());
            assertEquals(List.of(new FileChange("common/choice.drl", FileChange.MODIFIED)), versions.get(0).changes());
            assertTrue(versions.get(0).serving());
            assertEquals(first, versions.get(1).rulesVersion());
            assertEquals("editor2", again.drafts().find(draftId).orElseThrow().owner());
        }
        Files.writeString(rules.resolve("common/choice.drl"), "// changed by hand\n"
                + Files.readString(rules.resolve("common/choice.drl")));
        try (Run edited = start(rules, governance)) {
            Version found = edited.history().versions(null).get(0);
            assertEquals("reload", found.kind(), "files changed outside the workbench are recorded at startup");
            assertEquals(edited.rules().current().orElseThrow().version(), found.rulesVersion());
            assertTrue(edited.history().diff(found.commit()).contains("+// changed by hand"));
        }
    }
}
