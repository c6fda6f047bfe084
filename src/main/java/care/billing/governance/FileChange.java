package care.billing.governance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file a draft or a version changes. */
@Schema(name = "FileChange", description = "One file a draft or a version changes.")
public record FileChange(
        @Schema(description = "Path relative to the rules root.", examples = "payers/medicare/code-families.csv")
        String path,
        @Schema(description = "What happened to it.", enumeration = {"added", "modified", "deleted"})
        String change) {

    public static final String ADDED = "added";
    public static final String MODIFIED = "modified";
    public static final String DELETED = "deleted";
}
