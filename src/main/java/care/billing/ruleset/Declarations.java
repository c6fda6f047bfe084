package care.billing.ruleset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the tables declare as they load, with where each was declared: a word declared twice
 * (a payer code twice, in any letter case; a role twice) is a problem at the second row. Activities
 * may be declared again by a payer folder and rule sets once per period, so those repeat freely.
 */
final class Declarations {

    private final Vocabulary vocabulary = new Vocabulary();
    private final Map<String, String> declaredAt = new HashMap<>();

    Vocabulary vocabulary() {
        return vocabulary;
    }

    void declare(Term kind, String word, String source, int column, List<RuleProblem> problems) {
        String key = kind + " " + (kind == Term.PAYER ? Vocabulary.upper(word) : word);
        String earlier = declaredAt.putIfAbsent(key, source);
        vocabulary.add(kind, word);
        if (earlier != null && kind != Term.ACTIVITY && kind != Term.RULE_SET) {
            int colon = source.lastIndexOf(':');
            String spelled = kind == Term.PAYER ? vocabulary.payer(word).orElse(word) : word;
            problems.add(new RuleProblem(source.substring(0, colon), Integer.parseInt(source.substring(colon + 1)), column,
                    "the " + kind.words() + " '" + word + "' is declared already at " + earlier
                            + (spelled.equals(word) ? "" : " as '" + spelled + "' (payer codes ignore letter case)")));
        }
    }
}
