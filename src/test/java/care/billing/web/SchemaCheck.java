package care.billing.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the OpenAPI document, strictly: a field the schema does not
 * name is an error (an undocumented field), and so are a missing required field, a null where the
 * schema does not allow null, a value of another type, outside an enum, a pattern or a range.
 */
final class SchemaCheck {

    private final OpenAPI api;

    SchemaCheck(OpenAPI api) {
        this.api = api;
    }

    /** Every difference between {@code value} and the component schema {@code name}, as "pointer: what". */
    List<String> errors(JsonNode value, String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            return List.of("no schema " + name + " in the document");
        }
        List<String> errors = new ArrayList<>();
        check(value, schema, "", errors);
        return errors;
    }

    List<String> errors(JsonNode value, Schema<?> schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "", errors);
        return errors;
    }

    Schema<?> resolve(Schema<?> schema) {
        Schema<?> resolved = schema;
        while (resolved != null && resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            resolved = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return resolved;
    }

    private void check(JsonNode value, Schema<?> given, String pointer, List<String> errors) {
        Schema<?> schema = resolve(given);
        if (schema == null) {
            errors.add(pointer + ": unresolvable " + given.get$ref());
            return;
        }
        if (schema.getOneOf() != null) {
            int matching = 0;
            List<String> all = new ArrayList<>();
            for (Schema<?> option : schema.getOneOf()) {
                List<String> these = new ArrayList<>();
                check(value, option, pointer, these);
                matching += these.isEmpty() ? 1 : 0;
                all.addAll(these);
            }
            if (matching != 1) {
                errors.add(pointer + ": matches " + matching + " of the oneOf schemas " + all);
            }
            return;
        }
        Set<String> types = types(schema);
        if (value.isNull()) {
            if (!types.contains("null")) {
                errors.add(pointer + ": null, which the schema does not allow");
            }
            return;
        }
        String type = typeOf(value, types);
        if (!types.isEmpty() && !types.contains(type)) {
            errors.add(pointer + ": a " + type + ", documented as " + types);
            return;
        }
        if (schema.getEnum() != null && schema.getEnum().stream().noneMatch(e -> String.valueOf(e).equals(value.asText()))) {
            errors.add(pointer + ": " + value + " is not one of " + schema.getEnum());
        }
        if (value.isTextual() && schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(value.asText()).find()) {
            errors.add(pointer + ": " + value + " does not match " + schema.getPattern());
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (schema.getMinimum() != null && number.compareTo(schema.getMinimum()) < 0
                    || schema.getMaximum() != null && number.compareTo(schema.getMaximum()) > 0) {
                errors.add(pointer + ": " + value + " is outside " + schema.getMinimum() + ".." + schema.getMaximum());
            }
        }
        if (value.isArray() && schema.getItems() != null) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.getItems(), pointer + "/" + i, errors);
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, pointer, errors);
        }
    }

    private void checkObject(JsonNode value, Schema<?> schema, String pointer, List<String> errors) {
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (String required : schema.getRequired() == null ? List.<String>of() : schema.getRequired()) {
            if (!value.has(required)) {
                errors.add(pointer + ": required field " + required + " is missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey();
            Schema<?> property = properties.get(field.getKey());
            if (property != null) {
                check(field.getValue(), property, at, errors);
            } else if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                check(field.getValue(), additional, at, errors);
            } else if (!Boolean.TRUE.equals(schema.getAdditionalProperties())) {
                errors.add(at + ": undocumented field");
            }
        }
    }

    static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    private static String typeOf(JsonNode value, Set<String> documented) {
        if (value.isIntegralNumber()) {
            return documented.contains("integer") || !documented.contains("number") ? "integer" : "number";
        }
        return value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
                : value.isArray() ? "array" : "object";
    }
}
