package care.billing.model;

/**
 * A row of {@code vocabulary.csv}: a word of one kind the rules know (a staff role, a billing code,
 * a code family, a date-of-service mode, a staff requirement, a complexity level) and what it means.
 */
public record Word(String kind, String word, String meaning, String citation, String row) {
}
