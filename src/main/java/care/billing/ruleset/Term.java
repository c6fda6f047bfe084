package care.billing.ruleset;

/**
 * The kinds of words the billing vocabulary holds, each declared by rows of one table under
 * {@code rules/}. Java knows the kinds, never the words: roles, methods, payers, modes and the rest
 * are table rows, and a table cell or a request field that names one is checked against them.
 */
public enum Term {
    ROLE("staff role", "vocabulary.csv (kind ROLE)"),
    COMPLEXITY("complexity", "vocabulary.csv (kind COMPLEXITY)"),
    CODE("billing code", "vocabulary.csv (kind CODE)"),
    FAMILY("code family", "vocabulary.csv (kind FAMILY)"),
    DATE_OF_SERVICE("date-of-service mode", "vocabulary.csv (kind DATE_OF_SERVICE)"),
    STAFF_REQUIREMENT("staff requirement", "vocabulary.csv (kind STAFF_REQUIREMENT)"),
    METHOD("contact method", "methods.csv"),
    ACTIVITY("activity", "activities.csv"),
    PAYER("payer", "payers.csv"),
    RULE_SET("rule set", "rule-set.csv");

    private final String words;
    private final String declaredBy;

    Term(String words, String declaredBy) {
        this.words = words;
        this.declaredBy = declaredBy;
    }

    /** What an analyst calls it: "date-of-service mode". */
    public String words() {
        return words;
    }

    /** The table whose rows declare the words of this kind. */
    public String declaredBy() {
        return declaredBy;
    }

    /** Whether {@code vocabulary.csv} declares this kind (the others have tables of their own). */
    public boolean inVocabularyTable() {
        return declaredBy.startsWith("vocabulary.csv");
    }
}
