package care.billing.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A rules root as files: read every rule file (DRL, tables, scenarios, notes) into a map of path
 * to text, or make a directory hold exactly such a map. Only the kinds of file {@link RulesPath}
 * accepts are read or removed; anything else in the directory (a git repository, say) is left alone.
 */
public final class RulesTree {

    private RulesTree() {
    }

    /** Every rule file under {@code root}, path (with {@code /}) to text, sorted. */
    public static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (RulesPath.isRuleFile(path) && !path.startsWith(".")) {
                    files.put(path, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + root, e);
        }
    }

    /**
     * Makes {@code root} hold exactly {@code files}: changed files are written (each through a
     * temporary file and a move, so no reader sees half a file), missing ones removed, empty
     * folders left by removals deleted.
     */
    public static void replace(Path root, Map<String, String> files) {
        try {
            Files.createDirectories(root);
            Map<String, String> present = read(root);
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (!file.getValue().equals(present.get(file.getKey()))) {
                    write(root.resolve(file.getKey()), file.getValue());
                }
            }
            for (String path : present.keySet()) {
                if (!files.containsKey(path)) {
                    Path gone = root.resolve(path);
                    Files.delete(gone);
                    pruneEmptyParents(root, gone.getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules in " + root, e);
        }
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".saving-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void pruneEmptyParents(Path root, Path folder) throws IOException {
        Path current = folder;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try (Stream<Path> entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }

    /** Deletes a directory and everything in it; nothing if absent. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** The changes that turn {@code before} into {@code after}, by path. */
    public static List<FileChange> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new TreeMap<>();
        after.forEach((path, text) -> {
            String old = before.get(path);
            if (old == null) {
                changes.put(path, FileChange.ADDED);
            } else if (!old.equals(text)) {
                changes.put(path, FileChange.MODIFIED);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path))
                .forEach(path -> changes.put(path, FileChange.DELETED));
        return changes.entrySet().stream().map(e -> new FileChange(e.getKey(), e.getValue())).toList();
    }
}
