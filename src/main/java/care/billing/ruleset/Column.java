package care.billing.ruleset;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a table schema: its name, what a cell holds, whether it may be blank, and the
 * allowed values or range. {@link #read} turns a cell into a value or says, in the analyst's words,
 * what is wrong with it.
 *
 * @param kind  the words a {@link Type#WORD} or {@link Type#WORDS} cell must be (null otherwise)
 * @param min   the least value of a number cell
 * @param about what the column holds, for messages ("the minutes that reach the primary code")
 */
record Column(String name, Type type, boolean required, Term kind, int min, String about) {

    enum Type { TEXT, KEY, NAME, INTEGER, DECIMAL, BOOLEAN, MONTH, WORD, WORDS, TERM_KIND }

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]+");

    static Column text(String name, boolean required, String about) {
        return new Column(name, Type.TEXT, required, null, 0, about);
    }

    /** A word this row declares: letters, digits and underscores, as requests and other tables spell it. */
    static Column key(String name, String about) {
        return new Column(name, Type.KEY, true, null, 0, about);
    }

    /** Text that may not repeat a number: what it would describe is derived from the numbers. */
    static Column name(String name, String about) {
        return new Column(name, Type.NAME, true, null, 0, about);
    }

    static Column integer(String name, boolean required, int min, String about) {
        return new Column(name, Type.INTEGER, required, null, min, about);
    }

    static Column decimal(String name, int min, String about) {
        return new Column(name, Type.DECIMAL, true, null, min, about);
    }

    static Column bool(String name, String about) {
        return new Column(name, Type.BOOLEAN, true, null, 0, about);
    }

    static Column month(String name, String about) {
        return new Column(name, Type.MONTH, false, null, 0, about);
    }

    static Column word(String name, Term kind, boolean required, String about) {
        return new Column(name, Type.WORD, required, kind, 0, about);
    }

    /** Words of one kind separated by spaces; when required, at least one. */
    static Column words(String name, Term kind, boolean required, String about) {
        return new Column(name, Type.WORDS, required, kind, 0, about);
    }

    static Column termKind(String name, String about) {
        return new Column(name, Type.TERM_KIND, true, null, 0, about);
    }

    /** An invalid cell: the message says what was found and what is allowed. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The cell's value: String, Integer, BigDecimal, Boolean, a month as {@code YYYY-MM}, a
     * {@code Set<String>} of words (in cell order), a {@link Term}, or null for a blank optional cell.
     */
    Object read(String cell, Vocabulary vocabulary) throws Invalid {
        if (cell.isEmpty()) {
            if (required) {
                throw new Invalid(name + " is empty; it must give " + about
                        + (type == Type.WORD || type == Type.WORDS ? " (" + vocabulary.listed(kind) + ")" : ""));
            }
            return null;
        }
        return switch (type) {
            case TEXT -> cell;
            case KEY -> key(cell);
            case NAME -> nameWithoutNumbers(cell);
            case INTEGER -> integer(cell);
            case DECIMAL -> decimal(cell);
            case BOOLEAN -> bool(cell);
            case MONTH -> month(cell);
            case WORD -> word(cell, vocabulary);
            case WORDS -> words(cell, vocabulary);
            case TERM_KIND -> termKind(cell);
        };
    }

    private String key(String cell) throws Invalid {
        if (!KEY.matcher(cell).matches()) {
            throw new Invalid(name + " '" + cell + "' may hold only letters, digits and underscores");
        }
        return cell;
    }

    private String nameWithoutNumbers(String cell) throws Invalid {
        var number = NUMBER.matcher(cell);
        if (number.find()) {
            throw new Invalid(name + " '" + cell + "' contains the number " + number.group() + "; claim lines cite the "
                    + "codes, minutes and caps from the row's own columns, so write the name without numbers "
                    + "(e.g. 'Medicare CCM')");
        }
        return cell;
    }

    private Integer integer(String cell) throws Invalid {
        int value;
        try {
            value = Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new Invalid(name + " '" + cell + "' is not a whole number; it must give " + about);
        }
        if (value < min) {
            throw new Invalid(name + " " + value + " is less than " + min + "; it must be " + min + " or more");
        }
        return value;
    }

    private BigDecimal decimal(String cell) throws Invalid {
        BigDecimal value;
        try {
            value = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new Invalid(name + " '" + cell + "' is not an amount such as 66.13; it must give " + about);
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw new Invalid(name + " " + cell + " is less than " + min + "; it must be " + min + " or more");
        }
        return value;
    }

    private Boolean bool(String cell) throws Invalid {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid(name + " '" + cell + "' is not true or false");
        };
    }

    private String month(String cell) throws Invalid {
        try {
            return YearMonth.parse(cell).toString();
        } catch (DateTimeParseException e) {
            throw new Invalid(name + ": effective month '" + cell + "' is not YYYY-MM");
        }
    }

    private String word(String cell, Vocabulary vocabulary) throws Invalid {
        if (!vocabulary.contains(kind, cell)) {
            throw notAWord(cell, vocabulary);
        }
        return cell;
    }

    private Set<String> words(String cell, Vocabulary vocabulary) throws Invalid {
        Set<String> words = new LinkedHashSet<>(Arrays.asList(cell.split("\\s+")));
        List<String> unknown = new ArrayList<>();
        for (String word : words) {
            if (!vocabulary.contains(kind, word)) {
                unknown.add(word);
            }
        }
        if (unknown.size() == 1) {
            throw notAWord(unknown.get(0), vocabulary);
        }
        if (!unknown.isEmpty()) {
            throw new Invalid(name + ": " + unknown.stream().map(w -> "'" + w + "'").toList() + " are not "
                    + kind.words() + "s; allowed: " + vocabulary.listed(kind) + ", separated by spaces ("
                    + kind.declaredBy() + ")");
        }
        return Set.copyOf(words);
    }

    private Invalid notAWord(String word, Vocabulary vocabulary) {
        return new Invalid(name + " '" + word + "' is not a " + kind.words() + "; allowed: " + vocabulary.listed(kind)
                + (type == Type.WORDS ? ", separated by spaces" : "") + " (" + kind.declaredBy() + ")");
    }

    private Term termKind(String cell) throws Invalid {
        for (Term term : Term.values()) {
            if (term.inVocabularyTable() && term.name().equals(cell)) {
                return term;
            }
        }
        throw new Invalid(name + " '" + cell + "' is not a kind of word this table declares; allowed: "
                + Arrays.stream(Term.values()).filter(Term::inVocabularyTable).map(Term::name).toList());
    }
}
