package care.billing.governance;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * Unified diffs between two sets of rule files, with JGit's histogram diff and formatter (the
 * same output as {@code git diff}), so a draft reads like a version in the history.
 */
final class Diffs {

    private Diffs() {
    }

    static String unified(Map<String, String> before, Map<String, String> after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            for (String path : paths) {
                String old = before.getOrDefault(path, "");
                String now = after.getOrDefault(path, "");
                if (old.equals(now) && before.containsKey(path) == after.containsKey(path)) {
                    continue;
                }
                RawText a = new RawText(old.getBytes(StandardCharsets.UTF_8));
                RawText b = new RawText(now.getBytes(StandardCharsets.UTF_8));
                EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                        .diff(RawTextComparator.DEFAULT, a, b);
                out.write(("diff --git a/" + path + " b/" + path + "\n"
                        + "--- " + (before.containsKey(path) ? "a/" + path : "/dev/null") + "\n"
                        + "+++ " + (after.containsKey(path) ? "b/" + path : "/dev/null") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                formatter.format(edits, a, b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
