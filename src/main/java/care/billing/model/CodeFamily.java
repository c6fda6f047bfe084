package care.billing.model;

import org.kie.api.definition.type.ClassReactive;

import java.util.Set;

/**
 * A row of a {@code code-families.csv} table: one code family of a rule set, with the minutes
 * that reach the primary code, where add-on units start, their block length and cap, and whose
 * staff time counts. Class-reactive: table rows are never modified, so constraints that call
 * {@link #countsRole} need no property reactivity.
 *
 * @param name          how claim lines cite the family, without numbers ({@link #description()} adds them)
 * @param addOnMaxUnits null when the payer sets no monthly cap
 * @param preference    family order on a fee tie or without fees: lower wins
 * @param dateOfService a date-of-service mode of the vocabulary (rules/common/vocabulary.csv)
 * @param countedRoles  the staff roles whose time counts toward this family (never empty)
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
        Set<String> countedRoles,
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

    public CodeFamily {
        countedRoles = Set.copyOf(countedRoles);
    }

    /** Whether time of staff with this role counts toward the family. */
    public boolean countsRole(String role) {
        return countedRoles.contains(role);
    }

    /**
     * How a claim line cites the family (its {@code rule}): the name and what the row's numbers say,
     * e.g. "Medicare CCM: 99490 from 20 minutes, 99439 from 40 minutes and each further full 20, at
     * most 2". Built from the numbers, so a changed threshold or cap never leaves a stale description.
     */
    public String description() {
        StringBuilder text = new StringBuilder(name).append(": ").append(primaryCode).append(" from ")
                .append(primaryMinutes).append(" minutes");
        if (addOnCode != null) {
            text.append(", ").append(addOnCode).append(" from ").append(addOnFirstUnitMinutes)
                    .append(" minutes and each further full ").append(addOnBlockMinutes);
            if (addOnMaxUnits != null) {
                text.append(", at most ").append(addOnMaxUnits);
            }
        }
        return text.toString();
    }
}
