package care.billing.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** The calendar month being billed; {@code month} is {@code YYYY-MM} and compares as text. */
public record ServiceMonth(String month, LocalDate firstDay, LocalDate lastDay) {

    public static ServiceMonth of(YearMonth month) {
        return new ServiceMonth(month.toString(), month.atDay(1), month.atEndOfMonth());
    }
}
