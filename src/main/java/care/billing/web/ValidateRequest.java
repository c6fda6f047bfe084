package care.billing.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Body of {@code POST /api/v1/rules/validate}: rule files to check instead of, or beside, those on disk. */
@Schema(name = "ValidateRequest", description = "Rule files to compile over the rules directory: each replaces the file "
        + "of the same path or adds one. An empty body or no files compiles the directory as it is.")
public record ValidateRequest(
        @Schema(description = "Path relative to the rules directory → the file's full text.",
                examples = "{\"payers/medicare/extra.drl\": \"package payers.medicare\\n\"}")
        Map<String, String> files) {
}
