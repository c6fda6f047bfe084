package care.billing.evaluation;

import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.RuleCompiler;
import care.billing.ruleset.RuleFiles;
import care.billing.ruleset.RuleProblemsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled rules/ directory in a temporary directory, for tests that edit rules. */
public final class RulesCopy {

    /** A rule file whose rule "Counts forever" re-triggers itself without end. */
    public static final String LOOPING_RULE = """
                package common
                import care.billing.model.*;
                rule "Seed"
                when
                    $e : TimeEntry( )
                then
                    insert(new Exclusion($e.id(), $e.patientId(), "NONE", "X", "x", "x"));
                end
                rule "Counts forever"
                when
                    $x : Exclusion( family == "NONE" )
                then
                    insert(new Exclusion(java.util.UUID.randomUUID().toString(), $x.patientId(), "NONE", "X", "x", "x"));
                end
                """;

    private RulesCopy() {
    }

    public static Path of(Path temp) throws IOException {
        return into(temp.resolve("rules"));
    }

    /** Replaces {@code target} with a fresh copy of the bundled rules. */
    public static Path into(Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> walk = Files.walk(BundledRules.DIR)) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(BundledRules.DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    /** Replaces {@code from} by {@code to} in a rule file; fails if the file lacks {@code from}. */
    public static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        if (!content.contains(from)) {
            throw new AssertionError(file + " lacks " + from);
        }
        Files.writeString(file, content.replace(from, to));
    }

    public static LoadedRules compile(Path rules) {
        try {
            return new RuleCompiler().compile(RuleFiles.read(rules));
        } catch (RuleProblemsException e) {
            throw new AssertionError("rules do not compile: " + e.problems(), e);
        }
    }
}
