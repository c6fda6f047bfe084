package care.billing.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drafts on disk, so that a restart loses nothing an analyst saved: each is a folder holding
 * {@code draft.json} (who, when, which base) and {@code rules/}, a full copy of the rules root
 * that only its owner writes.
 */
public final class Drafts {

    private static final Pattern ID = Pattern.compile("d-\\d{8}-\\d{6}-[0-9a-f]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String META = "draft.json";

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private final SecureRandom random = new SecureRandom();

    public Drafts(Path root) {
        this.root = root;
    }

    /** A draft: its own copy of the rules, and whose it is. */
    public record Draft(String id, String baseVersion, String baseCommit, String owner, String lastEditor,
                        Instant created, Instant updated) {

        Draft editedBy(String editor, Instant when) {
            return new Draft(id, baseVersion, baseCommit, owner, editor, created, when);
        }
    }

    public synchronized Draft create(String owner, Map<String, String> files, String baseVersion, String baseCommit,
                                     Instant now) {
        String id;
        do {
            id = "d-" + STAMP.format(now) + "-" + HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
        } while (Files.exists(root.resolve(id)));
        Draft draft = new Draft(id, baseVersion, baseCommit, owner, owner, now, now);
        RulesTree.replace(rules(draft), files);
        save(draft);
        return draft;
    }

    /** Every draft, oldest first. */
    public synchronized List<Draft> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Draft> drafts = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> ID.matcher(f.getFileName().toString()).matches()).toList()) {
                load(folder).ifPresent(drafts::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the drafts in " + root, e);
        }
        drafts.sort(Comparator.comparing(Draft::created).thenComparing(Draft::id));
        return drafts;
    }

    public synchronized Optional<Draft> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return load(root.resolve(id));
    }

    /** The folder holding the draft's copy of the rules. */
    public Path rules(Draft draft) {
        return root.resolve(draft.id()).resolve("rules");
    }

    public synchronized Map<String, String> files(Draft draft) {
        return RulesTree.read(rules(draft));
    }

    public synchronized Optional<String> read(Draft draft, RulesPath path) {
        Path file = resolve(draft, path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized Draft write(Draft draft, RulesPath path, String text, String editor, Instant now) {
        try {
            RulesTree.write(resolve(draft, path), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + path.value(), e);
        }
        return touch(draft, editor, now);
    }

    public synchronized Draft delete(Draft draft, RulesPath path, String editor, Instant now) {
        Path file = resolve(draft, path);
        try {
            if (!Files.deleteIfExists(file)) {
                throw WorkbenchRefusal.noFile(path.value());
            }
            RulesTree.pruneEmptyParents(rules(draft), file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path.value(), e);
        }
        return touch(draft, editor, now);
    }

    public synchronized void discard(Draft draft) {
        RulesTree.delete(root.resolve(draft.id()));
    }

    private Draft touch(Draft draft, String editor, Instant now) {
        Draft edited = draft.editedBy(editor, now);
        save(edited);
        return edited;
    }

    /** The file inside the draft's rules, refusing a path that passes through a link. */
    private Path resolve(Draft draft, RulesPath path) {
        Path base = rules(draft);
        Path file = base.resolve(path.value()).normalize();
        if (!file.startsWith(base)) {
            throw WorkbenchRefusal.badPath(path.value(), "leaves the rules root");
        }
        for (Path step = file; step != null && !step.equals(base); step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw WorkbenchRefusal.badPath(path.value(), "passes through a link");
            }
        }
        return file;
    }

    private void save(Draft draft) {
        try {
            RulesTree.write(root.resolve(draft.id()).resolve(META), json.writeValueAsString(draft));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save draft " + draft.id(), e);
        }
    }

    private Optional<Draft> load(Path folder) {
        Path meta = folder.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(meta.toFile(), Draft.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read draft " + folder.getFileName(), e);
        }
    }
}
