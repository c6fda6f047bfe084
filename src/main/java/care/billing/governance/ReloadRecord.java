package care.billing.governance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One attempt to change the rules serving: when, by whom, which version, and what happened. */
@Schema(name = "ReloadRecord", description = "One attempt to change the rules serving.")
public record ReloadRecord(
        @Schema(description = "When (UTC).",
                examples = "2026-03-31T08:15:02.117Z")
        Instant time,
        @Schema(description = "Who: the user name, or startup.", examples = "compliance")
        String who,
        @Schema(description = "The version loaded or refused; null when the rules did not compile.", nullable = true,
                pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "LOADED: the version serves since; REJECTED: the rules serving did not change.",
                enumeration = {"LOADED", "REJECTED"}, examples = "LOADED")
        String outcome,
        @Schema(description = "In words: files loaded, scenarios passed, or why it was refused.",
                examples = "74 scenarios passed")
        String detail) {
}
