package care.billing.tables;

import com.fasterxml.jackson.databind.util.StdConverter;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a table cell of staff roles separated by spaces (e.g. {@code PHYSICIAN QHP}). A role the
 * service does not know is refused, so a typo is reported with file and line instead of silently
 * counting nobody.
 */
public final class StaffRoles extends StdConverter<String, Set<String>> {

    /** Every staff role a request may carry (api.md; EvaluationRequest checks requests against it). */
    public static final Set<String> ALL = Set.of("PHYSICIAN", "QHP", "CLINICAL_STAFF", "NON_CLINICAL");

    @Override
    public Set<String> convert(String cell) {
        Set<String> roles = new TreeSet<>(Arrays.asList(cell.strip().split("\\s+")));
        for (String role : roles) {
            if (!ALL.contains(role)) {
                throw new IllegalArgumentException("unknown staff role '" + role + "'; roles are " + new TreeSet<>(ALL));
            }
        }
        return Set.copyOf(roles);
    }
}
