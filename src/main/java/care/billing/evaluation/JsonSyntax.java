package care.billing.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into a tree, collecting every field given twice in one object (the first value
 * stays), or rejects it naming where the text stops being JSON: the JSON pointer of the value being
 * read, and the line and column.
 */
final class JsonSyntax {

    /** The tree and the duplicate fields found in it. */
    record Tree(JsonNode root, List<FieldError> duplicates) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSyntax() {
    }

    /** @throws InvalidRequestException when the body is empty or not JSON */
    static Tree read(byte[] body) {
        List<FieldError> duplicates = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new InvalidRequestException(List.of(new FieldError("", "the body is empty; expected a JSON object")));
            }
            JsonNode root = value(parser, "", duplicates);
            JsonLocation end = parser.currentLocation();
            if (!atEnd(parser)) {
                throw new InvalidRequestException(List.of(new FieldError("",
                        "unexpected content after the end of the JSON value" + at(end))));
            }
            return new Tree(root, duplicates);
        } catch (StreamReadException e) {
            String pointer = e.getProcessor() == null ? ""
                    : e.getProcessor().getParsingContext().pathAsPointer().toString();
            throw new InvalidRequestException(List.of(new FieldError(pointer,
                    SyntaxErrors.describe(e.getOriginalMessage()) + at(e.getLocation()))));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(new FieldError("", "the body could not be read as JSON")));
        }
    }

    /** Whether nothing but white space follows the value read; anything else, even not JSON, is not at the end. */
    private static boolean atEnd(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() == null;
        } catch (StreamReadException notJson) {
            return false;
        }
    }

    /** The value whose first token is current, read to its end. */
    private static JsonNode value(JsonParser parser, String pointer, List<FieldError> duplicates) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    String at = pointer + "/" + Pointers.escape(name);
                    parser.nextToken();
                    JsonNode value = value(parser, at, duplicates);
                    if (object.has(name)) {
                        duplicates.add(new FieldError(at, "the field '" + name + "' is given more than once"));
                    } else {
                        object.set(name, value);
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, pointer + "/" + array.size(), duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
