package care.billing.model;

import java.time.LocalDate;

/** Derived: a staff member and a date with time entries; the day's minutes are summed per key. */
public record StaffDay(String staffId, LocalDate date) {
}
