package care.billing.model;

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

    /** The column of {@code code-families.csv} that this converter reads. */
    public static final String COLUMN = "countedRoles";

    /** Every staff role a request may carry ({@link Staff#ROLES}). */
    public static final Set<String> ALL = Set.of(Staff.ROLES.split("\\|"));

    @Override
    public Set<String> convert(String cell) {
        Set<String> roles = new TreeSet<>(Arrays.asList(cell.strip().split("\\s+")));
        for (String role : roles) {
            if (!ALL.contains(role)) {
                throw new IllegalArgumentException("unknown staff role '" + role + "'; roles are "
                        + Staff.ROLES_LISTED);
            }
        }
        return Set.copyOf(roles);
    }
}
