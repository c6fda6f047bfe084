package care.billing.model;

import org.kie.api.definition.type.ClassReactive;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Derived: countable minutes pooled per patient, billing provider and code family. The entry ids are
 * a sorted set, so rules can ask {@code entryIds contains $eid} cheaply (a pool may hold thousands).
 * Class-reactive: totals are never modified, and so Drools does not warn that such a constraint
 * makes the pattern react to the whole class.
 */
@ClassReactive
public record FamilyTotal(
        String patientId,
        String billingProviderId,
        String ruleSet,
        String family,
        int minutes,
        SortedSet<String> entryIds) implements PerPatient {

    public FamilyTotal {
        entryIds = Collections.unmodifiableSortedSet(new TreeSet<>(entryIds));
    }

    /** Builds a total from an accumulate result (the sum arrives as a {@link Number}). */
    public static FamilyTotal of(String patientId, String billingProviderId, String ruleSet, String family,
                                 Number minutes, Collection<String> entryIds) {
        return new FamilyTotal(patientId, billingProviderId, ruleSet, family, minutes.intValue(), new TreeSet<>(entryIds));
    }
}
