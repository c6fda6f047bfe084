package care.billing.evaluation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong in JSON text, in the caller's words: the JSON parser's message is read for its
 * kind (and the offending character or token), never passed on.
 */
final class SyntaxErrors {

    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '(.*?)'");

    /** What the parser expected instead, by a phrase of its message. */
    private static final Map<String, String> EXPECTED = Map.of(
            "comma to separate Object entries", "',' or '}'",
            "comma to separate Array entries", "',' or ']'",
            "double-quote to start field name", "a field name in double quotes",
            "colon to separate field name and value", "':'",
            "expected a valid value", "a value",
            "expected close marker for Object", "'}'",
            "expected close marker for Array", "']'");

    private SyntaxErrors() {
    }

    static String describe(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete" + expected(text);
        }
        Matcher unexpected = UNEXPECTED.matcher(text);
        if (unexpected.find()) {
            int code = Integer.parseInt(unexpected.group(2));
            String character = code < 0x20 || code == 0x7f ? String.format("U+%04X", code) : "'" + unexpected.group(1) + "'";
            return "unexpected character " + character + expected(text);
        }
        Matcher unrecognized = UNRECOGNIZED.matcher(text);
        if (unrecognized.find()) {
            return "'" + shorten(unrecognized.group(1)) + "' is not a JSON value (text needs double quotes; "
                    + "true, false and null are lower case)";
        }
        if (text.startsWith("Invalid UTF-8") || text.contains("Invalid UTF-8")) {
            return "the body is not UTF-8 text";
        }
        if (text.startsWith("Illegal unquoted character")) {
            return "a control character inside a string must be escaped with a backslash";
        }
        if (text.startsWith("Unrecognized character escape")) {
            return "a backslash in a string starts an escape that JSON does not have";
        }
        if (text.startsWith("Unexpected close marker")) {
            return "a closing bracket does not match the opening one";
        }
        if (text.contains("nesting depth")) {
            return "the JSON is nested too deeply";
        }
        if (text.contains("length") && text.contains("exceeds")) {
            return "a number or string is too long";
        }
        if (text.contains("Leading zeroes") || text.contains("Invalid numeric value") || text.contains("Non-standard token")) {
            return "a number is not written as JSON allows";
        }
        return "the body is not well-formed JSON";
    }

    private static String expected(String text) {
        for (Map.Entry<String, String> phrase : EXPECTED.entrySet()) {
            if (text.contains(phrase.getKey())) {
                return "; expected " + phrase.getValue();
            }
        }
        return "";
    }

    private static String shorten(String token) {
        return token.length() > 40 ? token.substring(0, 40) + "…" : token;
    }
}
