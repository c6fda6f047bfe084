package care.billing.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule files of a rules directory, read once: DRL files ({@code *.drl}) and data tables
 * ({@code *.csv}), with paths relative to the directory using {@code /}. Scenarios and docs are not
 * rule files. {@link #version()} is a SHA-256 over the sorted paths and contents.
 */
public record RuleFiles(Path directory, List<RuleFile> files, String version) {

    public record RuleFile(String path, String content) {

        public boolean isDrl() {
            return path.endsWith(".drl");
        }

        public boolean isTable() {
            return path.endsWith(".csv");
        }

        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** These files with {@code overlay} (path to content) replacing or adding files; a new version. */
    public RuleFiles withOverlay(java.util.Map<String, String> overlay) {
        java.util.Map<String, String> merged = new java.util.TreeMap<>();
        files.forEach(f -> merged.put(f.path(), f.content()));
        merged.putAll(overlay);
        List<RuleFile> combined = merged.entrySet().stream()
                .map(e -> new RuleFile(e.getKey(), e.getValue()))
                .filter(f -> f.isDrl() || f.isTable())
                .toList();
        return new RuleFiles(directory, combined, hash(combined));
    }

    public static RuleFiles read(Path directory) throws RuleProblemsException {
        if (!Files.isDirectory(directory)) {
            throw new RuleProblemsException(List.of(new RuleProblem(directory.toString(), 0, 0,
                    "rules directory not found (set billing.rules.dir or BILLING_RULES_DIR)")));
        }
        List<RuleFile> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> new RuleFile(directory.relativize(p).toString().replace('\\', '/'), readString(p)))
                    .filter(f -> f.isDrl() || f.isTable())
                    .sorted((a, b) -> a.path().compareTo(b.path()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RuleProblemsException(List.of(new RuleProblem(directory.toString(), 0, 0,
                    "cannot read rules directory: " + e.getMessage())));
        }
        return new RuleFiles(directory, files, hash(files));
    }

    private static String readString(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark, as Excel saves CSV
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                digest.update(f.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(f.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
