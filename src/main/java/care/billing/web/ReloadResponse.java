package care.billing.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of a reload that loaded the rules (a refused one is a problem, 422). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReloadResponse", description = "The rules were compiled, every scenario passed, and they serve now.")
public record ReloadResponse(
        @Schema(description = "Always LOADED (a refused reload answers 422 with a problem).", enumeration = "LOADED")
        String outcome,
        @Schema(description = "The version serving now.", pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "The version that served before; absent when none did.", pattern = "^sha256:[0-9a-f]{64}$")
        String previousVersion,
        @Schema(description = "How many scenarios the new rules passed (all of them).", minimum = "0", examples = "74")
        int scenariosPassed) {
}
