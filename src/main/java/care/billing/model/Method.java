package care.billing.model;

import java.util.Set;

/**
 * A row of {@code methods.csv}: a contact method a time entry may name, whether it is face-to-face
 * work (billed as a visit, never as care-management time), and the rule sets that count its time.
 */
public record Method(
        String method,
        boolean faceToFace,
        Set<String> countedBy,
        String meaning,
        String citation,
        String row) {

    public Method {
        countedBy = Set.copyOf(countedBy);
    }

    /** Whether entries with this method count under {@code ruleSet}. */
    public boolean countsFor(String ruleSet) {
        return countedBy.contains(ruleSet);
    }
}
