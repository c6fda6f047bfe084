package care.billing.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a request record, derived once from its components: objects with known fields,
 * arrays, and values that the strict mapper itself must accept. Checking a tree names every value of
 * the wrong type and every unknown field, in the caller's words, and removes them, so that what is
 * left can still be bound and validated: one answer names every offending field.
 */
final class RequestShape {

    private sealed interface Shape permits Fields, Items, Value {
    }

    private record Fields(Map<String, Shape> fields) implements Shape {
    }

    private record Items(Shape items, String expected) implements Shape {
    }

    /** @param expected what the value must be, as the error says it */
    private record Value(Class<?> type, String expected) implements Shape {
    }

    private final ObjectMapper mapper;
    private final Fields root;

    RequestShape(ObjectMapper mapper, Class<? extends Record> type) {
        this.mapper = mapper;
        this.root = fields(type);
    }

    /** Adds an error for each unknown field and each value of the wrong type in {@code body}, and removes them from it. */
    void check(ObjectNode body, List<FieldError> errors) {
        checkFields(root, body, "", errors);
    }

    private void checkFields(Fields shape, ObjectNode object, String pointer, List<FieldError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + Pointers.escape(field.getKey());
            Shape expected = shape.fields().get(field.getKey());
            if (expected == null) {
                errors.add(new FieldError(at, "unknown field '" + field.getKey() + "'"));
                it.remove();
            } else if (!fits(expected, field.getValue(), at, errors)) {
                field.setValue(NullNode.getInstance());
            }
        }
    }

    /** Whether {@code node} may stay; false after adding its error. Null is left to validation. */
    private boolean fits(Shape shape, JsonNode node, String pointer, List<FieldError> errors) {
        if (node.isNull()) {
            return true;
        }
        if (shape instanceof Fields fields) {
            if (!node.isObject()) {
                errors.add(new FieldError(pointer, "must be an object"));
                return false;
            }
            checkFields(fields, (ObjectNode) node, pointer, errors);
            return true;
        }
        if (shape instanceof Items items) {
            if (!node.isArray()) {
                errors.add(new FieldError(pointer, items.expected()));
                return false;
            }
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (!fits(items.items(), array.get(i), pointer + "/" + i, errors)) {
                    array.set(i, NullNode.getInstance());
                }
            }
            return true;
        }
        Value value = (Value) shape;
        try {
            mapper.treeToValue(node, value.type());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            errors.add(new FieldError(pointer, value.type() == LocalDate.class && looksLikeADate(node)
                    ? "must be a real calendar date as YYYY-MM-DD" : value.expected()));
            return false;
        }
    }

    private static boolean looksLikeADate(JsonNode node) {
        return node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static Fields fields(Class<?> type) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName(), shape(component.getGenericType(), component.getAccessor()));
        }
        return new Fields(fields);
    }

    private static Shape shape(Type type, Method accessor) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Shape items = shape(list.getActualTypeArguments()[0], null);
            String of = items instanceof Fields ? "objects" : items instanceof Value v && v.type() == String.class
                    ? "strings" : "values";
            return new Items(items, "must be an array of " + of);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return fields(raw);
        }
        return new Value(raw, expected(raw, accessor));
    }

    /** What a value of {@code type} must be, in words; a pattern's or range's own message when it has one. */
    private static String expected(Class<?> type, Method accessor) {
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            Min min = accessor == null ? null : accessor.getAnnotation(Min.class);
            Max max = accessor == null ? null : accessor.getAnnotation(Max.class);
            return min != null && max != null ? "must be a whole number from " + min.value() + " to " + max.value()
                    : "must be a whole number";
        }
        Pattern pattern = accessor == null ? null : accessor.getAnnotation(Pattern.class);
        if (pattern != null && pattern.message().startsWith("must")) {
            return pattern.message();
        }
        return "must be a string";
    }
}
