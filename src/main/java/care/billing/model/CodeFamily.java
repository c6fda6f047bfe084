package care.billing.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.kie.api.definition.type.ClassReactive;

import java.util.Set;

/**
 * A row of a {@code code-families.csv} table: one code family of a rule set, with the minutes
 * that reach the primary code, where add-on units start, their block length and cap, and whose
 * staff time counts. Class-reactive: table rows are never modified, so constraints that call
 * {@link #countsRole} need no property reactivity.
 *
 * @param addOnMaxUnits null when the payer sets no monthly cap
 * @param preference family order on a fee tie or without fees: lower wins
 * @param dateOfService {@code LAST_DAY_OF_MONTH} or {@code THRESHOLD_MET}
 * @param countedRoles the staff roles whose time counts toward this family; null when the table has
 *                     no such column: every role counts (a blank cell in the column is refused)
 */
@ClassReactive
public record CodeFamily(
        String ruleSet,
        String family,
        String name,
        String primaryCode,
        int primaryMinutes,
        String addOnCode,
        Integer addOnFirstUnitMinutes,
        Integer addOnBlockMinutes,
        Integer addOnMaxUnits,
        int preference,
        String dateOfService,
        @JsonDeserialize(converter = StaffRoles.class) Set<String> countedRoles,
        String effectiveFrom,
        String effectiveTo,
        String citation,
        String row) implements TableRow {

    @Override
    public String periodKey() {
        return ruleSet + " " + family;
    }

    @Override
    public CodeFamily withRow(String row) {
        return new CodeFamily(ruleSet, family, name, primaryCode, primaryMinutes, addOnCode, addOnFirstUnitMinutes,
                addOnBlockMinutes, addOnMaxUnits, preference, dateOfService, countedRoles, effectiveFrom, effectiveTo,
                citation, row);
    }

    /** Whether time of staff with this role counts toward the family. */
    public boolean countsRole(String role) {
        return countedRoles == null || countedRoles.contains(role);
    }
}
