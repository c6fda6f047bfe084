package care.billing.web;

/** The roles of the rules administration and workbench (docs/workbench.md). */
public final class Roles {

    /** Reads the rules, drafts' lists, history and diffs. */
    public static final String VIEWER = "rules-viewer";
    /** Creates drafts, edits their files, checks them, measures their impact. */
    public static final String EDITOR = "rules-editor";
    /** Publishes drafts, rolls back, reloads from disk. */
    public static final String APPROVER = "rules-approver";

    private Roles() {
    }
}
