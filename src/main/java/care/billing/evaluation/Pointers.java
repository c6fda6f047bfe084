package care.billing.evaluation;

import jakarta.validation.Path;

/** JSON pointers (RFC 6901) into a request body. */
final class Pointers {

    private Pointers() {
    }

    /** A field name as one pointer segment: {@code ~} and {@code /} escaped. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A Bean Validation path, {@code entries[0].minutes}, as {@code /entries/0/minutes}. */
    static String of(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                pointer.append('/').append(escape(name));
            }
        }
        return pointer.toString();
    }

    /** Whether {@code pointer} is {@code at} or inside it. */
    static boolean within(String pointer, String at) {
        return pointer.equals(at) || pointer.startsWith(at) && pointer.charAt(at.length()) == '/' || at.isEmpty();
    }
}
