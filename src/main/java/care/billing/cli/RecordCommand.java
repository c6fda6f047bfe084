package care.billing.cli;

import care.billing.app.Components;
import care.billing.evaluation.Evaluation;
import care.billing.evaluation.InvalidRequestException;
import care.billing.evaluation.StrictJson;
import care.billing.ruleset.LoadedRules;
import care.billing.scenarios.ScenarioRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code record}: capture a real request and its current result as a scenario file for review. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Evaluates a request (JSON, as sent to POST /api/v1/evaluations) with the rules and writes "
                + "it with its current claim lines and finding codes as a scenario file for review.")
public class RecordCommand implements Callable<Integer> {

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The request JSON.")
    Path request;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Scenario file to write, e.g. rules/payers/medicare/scenarios/disputed-2026-03.yaml.")
    Path out;

    @Mixin
    RulesDirOption rulesDir;

    @Option(names = "--description", defaultValue = "Recorded month: describe what this case proves",
            description = "What the scenario shows, in a sentence.")
    String description;

    @Option(names = "--force", description = "Overwrite --out if it exists (without it, an existing scenario is kept).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Option(names = "--proves", defaultValue = "docs/billing-policy.md §?", description = "The section or payer document it pins.")
    String proves;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !force) {
            System.err.println(out + " exists; nothing was written. Choose another --out, or add --force to replace it.");
            return 1;
        }
        LoadedRules rules = RulesLoader.compileOrReport(rulesDir.dir());
        if (rules == null) {
            return 1;
        }
        JsonNode body = StrictJson.mapper().readTree(Files.readAllBytes(request));
        Evaluation evaluation;
        try {
            Components components = Components.fromEnvironment();
            evaluation = components.evaluator().evaluate(rules, components.reader().read(body, rules.tables().vocabulary()));
        } catch (InvalidRequestException e) {
            System.err.println("The request is invalid:");
            e.errors().forEach(error -> System.err.println("  " + error.pointer() + ": " + error.detail()));
            return 1;
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, ScenarioRecorder.record(description, proves, body, evaluation));
        System.out.println("Wrote " + out + ": " + evaluation.claimLines().size() + " claim line(s), "
                + evaluation.findings().size() + " finding(s). Review it, then run:");
        System.out.println("  " + spec.root().name() + " check --rules " + shellWord(rulesDir.toString()));
        return 0;
    }

    /** A path as one shell word: quoted when it holds anything but letters, digits and {@code /._-}. */
    static String shellWord(String text) {
        return text.matches("[\\w/.\\-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
