package care.billing.governance;

/**
 * A workbench step refused before anything changed: the draft, the serving rules and the history
 * are as they were. The adapter answers it by {@link Reason} (404, 400 naming the path, 403, 409).
 */
public final class WorkbenchRefusal extends RuntimeException {

    public enum Reason { NOT_FOUND, BAD_PATH, FOUR_EYES, STALE }

    private final Reason reason;

    private WorkbenchRefusal(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static WorkbenchRefusal badPath(String path, String why) {
        return new WorkbenchRefusal(Reason.BAD_PATH, "path '" + path + "' " + why);
    }

    static WorkbenchRefusal noDraft(String id) {
        return new WorkbenchRefusal(Reason.NOT_FOUND, "no draft '" + id + "' of yours");
    }

    static WorkbenchRefusal noFile(String path) {
        return new WorkbenchRefusal(Reason.NOT_FOUND, "no file '" + path + "'");
    }

    static WorkbenchRefusal noVersion(String version) {
        return new WorkbenchRefusal(Reason.NOT_FOUND, "no published version '" + version + "'");
    }

    static WorkbenchRefusal fourEyes(String approver) {
        return new WorkbenchRefusal(Reason.FOUR_EYES, approver + " last edited this draft; another approver "
                + "must publish it (four eyes)");
    }

    static WorkbenchRefusal stale(String base, String serving) {
        return new WorkbenchRefusal(Reason.STALE, "this draft was made from " + base + ", but " + serving
                + " serves now; make a new draft from the rules serving and apply the change there");
    }
}
