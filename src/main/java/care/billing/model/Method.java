package care.billing.model;

import org.kie.api.definition.type.ClassReactive;

import java.util.Set;

/**
 * A row of {@code methods.csv}: a contact method a time entry may name, whether it is face-to-face
 * work (billed as a visit, never as care-management time), and the rule sets that count its time.
 * Class-reactive: table rows are never modified, so a constraint calling {@link #countsFor} needs no
 * property reactivity.
 */
@ClassReactive
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
