package care.billing.scenarios;

import care.billing.ruleset.RuleProblem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the scenario files of a rules directory: every {@code *.yaml} under a {@code scenarios} folder. */
public final class ScenarioFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScenarioFiles() {
    }

    public static List<Path> find(Path rulesDir) throws IOException {
        if (!Files.isDirectory(rulesDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("scenarios"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    /** Reads one scenario file; a malformed file is reported as a problem with its line. */
    public static Scenario read(Path rulesDir, Path file, List<RuleProblem> problems) {
        String relative = rulesDir.relativize(file).toString().replace('\\', '/');
        try {
            Scenario raw = YAML.readValue(file.toFile(), Scenario.class);
            List<String> missing = new ArrayList<>();
            if (raw.description() == null) {
                missing.add("description");
            }
            if (raw.request() == null) {
                missing.add("request");
            }
            if (raw.expect() == null) {
                missing.add("expect");
            }
            if (!missing.isEmpty()) {
                problems.add(new RuleProblem(relative, 0, 0, "scenario lacks " + String.join(", ", missing)));
                return null;
            }
            for (Scenario.ExpectedLine line : raw.expect().claimLines()) {
                if (line.amountGiven() && !line.estimatedAmount().isNumber() && !line.estimatedAmount().isNull()) {
                    problems.add(new RuleProblem(relative, 0, 0, "estimatedAmount '" + line.estimatedAmount().asText()
                            + "' is neither a number nor null (no estimate)"));
                    return null;
                }
            }
            return new Scenario(relative, raw.description(), raw.proves(), raw.request(), raw.expect());
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new RuleProblem(relative, line, 0, e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new RuleProblem(relative, 0, 0, e.getMessage()));
        }
        return null;
    }
}
