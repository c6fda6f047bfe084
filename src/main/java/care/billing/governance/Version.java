package care.billing.governance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One published version of the rules, as the history records it. */
@Schema(name = "Version", description = "One published version of the rules, as the history records it.")
public record Version(
        @Schema(description = "The history's commit id for this version.", examples = "3f9c2e1b7d0a4c5e8f9a0b1c2d3e4f5a6b7c8d9e")
        String commit,
        @Schema(description = "The rules version (a hash of the rule files and tables).", pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "When it was recorded.")
        Instant time,
        @Schema(description = "How it came: the rules found at first start, a published draft, a rollback, or files "
                + "changed on disk and reloaded.", enumeration = {"initial", "publish", "rollback", "reload"})
        String kind,
        @Schema(description = "Who last edited the draft (or who reloaded).", examples = "editor")
        String editor,
        @Schema(description = "Who approved it.", examples = "approver")
        String approver,
        @Schema(description = "The approver's message.", examples = "Medicare: 99490 needs 20 minutes")
        String message,
        @Schema(description = "true for the version serving now.")
        boolean serving,
        @Schema(description = "The files it changed against the version before.")
        List<FileChange> changes) {
}
