package care.billing.web;

import care.billing.ruleset.RuleProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answer of {@code POST /api/v1/rules/validate}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ValidateResponse", description = "Whether the rules compile; nothing is loaded either way.")
public record ValidateResponse(
        @Schema(description = "true when every rule file and table compiles.", examples = "false")
        boolean valid,
        @Schema(description = "The version the files would have once loaded; absent when the files could not be read.",
                pattern = "^sha256:[0-9a-f]{64}$")
        String rulesVersion,
        @Schema(description = "Every compile problem by file, line and column; empty when valid.")
        List<RuleProblem> problems) {
}
