package care.billing.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Derived: countable minutes pooled per patient, billing provider and code family. */
public record FamilyTotal(
        String patientId,
        String billingProviderId,
        String ruleSet,
        String family,
        int minutes,
        List<String> entryIds) implements PerPatient {

    public FamilyTotal {
        entryIds = entryIds.stream().sorted().toList();
    }

    /** Whether the entry's minutes are in this pool (a binary search: pools may hold thousands of entries). */
    public boolean includes(String entryId) {
        return Collections.binarySearch(entryIds, entryId) >= 0;
    }

    /** Builds a total from an accumulate result (the sum arrives as a {@link Number}). */
    public static FamilyTotal of(String patientId, String billingProviderId, String ruleSet, String family,
                                 Number minutes, Collection<String> entryIds) {
        return new FamilyTotal(patientId, billingProviderId, ruleSet, family, minutes.intValue(), List.copyOf(entryIds));
    }
}
