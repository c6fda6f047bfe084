package care.billing.governance;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.NullOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every published version of the rules, as a git repository written with JGit: one commit per
 * version, the editor as author, the approver as committer, and {@code Rules-version:},
 * {@code Kind:} and {@code Approved-by:} trailers. Reviewers can read it with any git client; it
 * gives file contents at any version, diffs and rollback without storage of our own.
 *
 * <p>The repository's work tree is a copy of the rules as published, so a commit is "replace the
 * work tree by these files, stage everything, commit".
 */
public final class History implements AutoCloseable {

    static final String VERSION = "Rules-version";
    static final String KIND = "Kind";
    static final String APPROVED_BY = "Approved-by";

    private final Git git;
    private final Path tree;

    private History(Git git, Path tree) {
        this.git = git;
        this.tree = tree;
    }

    /** Opens the history in {@code directory}, creating an empty repository the first time. */
    public static History open(Path directory) {
        try {
            Files.createDirectories(directory);
            Git git = Files.isDirectory(directory.resolve(Constants.DOT_GIT))
                    ? Git.open(directory.toFile())
                    : Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
            return new History(git, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rules history in " + directory, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the rules history in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** What a new version records besides its files. */
    public record Entry(String kind, String editor, String approver, String message, String rulesVersion,
                        Instant time) {
    }

    /** The newest commit, if any version was recorded. */
    public synchronized Optional<String> head() {
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            return Optional.ofNullable(head).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records {@code files} (path to text) as the next version and answers its commit id. Files not
     * in the map are removed from the version.
     */
    public synchronized String record(Map<String, String> files, Entry entry) {
        try {
            RulesTree.replace(tree, files);
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent author = person(entry.editor(), entry.time());
            PersonIdent committer = person(entry.approver(), entry.time());
            RevCommit commit = git.commit()
                    .setAuthor(author)
                    .setCommitter(committer)
                    .setAllowEmpty(true)
                    .setSign(false)
                    .setMessage(entry.message().strip() + "\n\n" + KIND + ": " + entry.kind() + "\n"
                            + APPROVED_BY + ": " + entry.approver() + "\n" + VERSION + ": " + entry.rulesVersion() + "\n")
                    .call();
            return commit.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot record a version in the rules history: " + e.getMessage(), e);
        }
    }

    /** Every version, newest first. */
    public synchronized List<Version> versions(String serving) {
        List<Version> versions = new ArrayList<>();
        if (head().isEmpty()) {
            return versions;
        }
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.markStart(walk.parseCommit(git.getRepository().resolve(Constants.HEAD)));
            for (RevCommit commit : walk) {
                versions.add(version(commit, commit.name().equals(serving)));
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of one commit, if the history holds it. Accepts an abbreviated id. */
    public synchronized Optional<Version> version(String commit, String serving) {
        return resolve(commit).map(id -> {
            try (RevWalk walk = new RevWalk(git.getRepository())) {
                RevCommit found = walk.parseCommit(ObjectId.fromString(id));
                return version(found, found.name().equals(serving));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every file of a version, path to text. */
    public synchronized Map<String, String> files(String commit) {
        Map<String, String> files = new TreeMap<>();
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), text(repository, tree.getObjectId(0)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of a version, if it has it. */
    public synchronized Optional<String> file(String commit, String path) {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit found = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, found.getTree())) {
                return tree == null ? Optional.empty() : Optional.of(text(repository, tree.getObjectId(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The unified diff of a version against the one before it (against nothing for the first), in the
     * same form as a draft's diff ({@link Diffs}).
     */
    public synchronized String diff(String commit) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit found = walk.parseCommit(ObjectId.fromString(commit));
            Map<String, String> before = found.getParentCount() == 0 ? Map.of() : files(found.getParent(0).name());
            return Diffs.unified(before, files(found.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full id of a commit given in full or abbreviated (at least 7 hex digits). */
    public synchronized Optional<String> resolve(String commit) {
        if (commit == null || !commit.matches("[0-9a-f]{7,40}")) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId id = git.getRepository().resolve(commit + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id).name());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Version version(RevCommit commit, boolean serving) throws IOException {
        return new Version(commit.name(), trailer(commit, VERSION), commit.getCommitterIdent().getWhenAsInstant(),
                trailer(commit, KIND), commit.getAuthorIdent().getName(), trailer(commit, APPROVED_BY),
                commit.getShortMessage(), serving, changes(commit));
    }

    private List<FileChange> changes(RevCommit commit) throws IOException {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             DiffFormatter formatter = new DiffFormatter(NullOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            CanonicalTreeParser after = new CanonicalTreeParser(null, reader, commit.getTree());
            List<DiffEntry> entries;
            if (commit.getParentCount() == 0) {
                entries = formatter.scan(new org.eclipse.jgit.treewalk.EmptyTreeIterator(), after);
            } else {
                CanonicalTreeParser before = new CanonicalTreeParser(null, reader,
                        walk.parseCommit(commit.getParent(0)).getTree());
                entries = formatter.scan(before, after);
            }
            return entries.stream().map(History::change).toList();
        }
    }

    private static FileChange change(DiffEntry entry) {
        return switch (entry.getChangeType()) {
            case ADD, COPY -> new FileChange(entry.getNewPath(), FileChange.ADDED);
            case DELETE -> new FileChange(entry.getOldPath(), FileChange.DELETED);
            default -> new FileChange(entry.getNewPath(), FileChange.MODIFIED);
        };
    }

    private static String trailer(RevCommit commit, String key) {
        return commit.getFooterLines().stream().filter(line -> line.matches(new FooterKey(key))).map(FooterLine::getValue)
                .reduce((first, second) -> second).orElse(null);
    }

    private static String text(Repository repository, ObjectId blob) throws IOException {
        return new String(repository.open(blob).getBytes(), StandardCharsets.UTF_8);
    }

    private static PersonIdent person(String user, Instant time) {
        return new PersonIdent(user, user + "@rules.workbench", time, java.time.ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.close();
    }
}
