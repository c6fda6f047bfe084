package care.billing.ruleset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every word the rules know, by kind, in table order, as loaded from the tables of one rules
 * directory. The request reader checks staff roles, methods and complexity against it and finds a
 * payer's code whatever its letter case; the table loader checks cells against it.
 */
public final class Vocabulary {

    private final Map<Term, Set<String>> words = new EnumMap<>(Term.class);
    private final Map<String, String> payersByUpperCase = new java.util.HashMap<>();

    /** Adds a word; false when it was there already. */
    boolean add(Term kind, String word) {
        boolean added = words.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(word);
        if (added && kind == Term.PAYER) {
            payersByUpperCase.putIfAbsent(upper(word), word);
        }
        return added;
    }

    public boolean contains(Term kind, String word) {
        return words.getOrDefault(kind, Set.of()).contains(word);
    }

    /** The words of a kind, in the order the tables declare them. */
    public List<String> of(Term kind) {
        return List.copyOf(words.getOrDefault(kind, Set.of()));
    }

    /** The allowed words as a message lists them: in table order, separated by commas. */
    public String listed(Term kind) {
        List<String> all = new ArrayList<>(words.getOrDefault(kind, Set.of()));
        return all.isEmpty() ? "(none declared in " + kind.declaredBy() + ")" : String.join(", ", all);
    }

    /**
     * The payer code as {@code payers.csv} spells it, for a code in any letter case (payer codes are
     * case-insensitive); empty for a payer no table declares.
     */
    public Optional<String> payer(String sent) {
        return sent == null ? Optional.empty() : Optional.ofNullable(payersByUpperCase.get(upper(sent)));
    }

    static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
