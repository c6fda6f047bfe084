package care.billing.model;

import java.util.Set;

/**
 * A row of a {@code staff-requirements.csv} table: what a staff member of the listed roles must meet
 * for their time to count under a rule set ({@code requirement}, a word of {@code vocabulary.csv}
 * implemented by {@code rules/common/who-counts.drl}), and the finding code an entry gets when they
 * do not.
 */
public record StaffRequirement(
        String ruleSet,
        Set<String> roles,
        String requirement,
        String finding,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    public StaffRequirement {
        roles = Set.copyOf(roles);
    }

    @Override
    public StaffRequirement withRow(String row) {
        return new StaffRequirement(ruleSet, roles, requirement, finding, effectiveFrom, effectiveTo, citation, row);
    }

    public boolean appliesTo(String role) {
        return roles.contains(role);
    }
}
