package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;

/** Every date of years 0000 to 9999 against java.time's calendar, both ways. */
class CivilDaysTest {
    @Test
    void everyDateOfYears0To9999IsTheDayLocalDateCounts() {
        LocalDate end = LocalDate.of(10_000, 1, 1);
        int checked = 0;
        for (LocalDate d = LocalDate.of(0, 1, 1); d.isBefore(end); d = d.plusDays(1)) {
            long day = d.toEpochDay();
            long got = CivilDays.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            int date = CivilDays.date(day);
            if (got != day || date != d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth()) {
                assertThat(got).as("epochDay(%s)", d).isEqualTo(day);
                assertThat(date).as("date(%d), %s", day, d)
                        .isEqualTo(d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(3_652_425);
    }

    @Test
    void monthLengthsAndLeapYearsAreTheGregorianCalendars() {
        for (int year = 0; year < 10_000; year++) {
            assertThat(CivilDays.leap(year)).as("leap(%d)", year).isEqualTo(Year.isLeap(year) ? 1 : 0);
            for (int month = 1; month <= 12; month++) {
                assertThat(CivilDays.monthLength(year, month)).as("%d-%02d", year, month)
                        .isEqualTo(LocalDate.of(year, month, 1).lengthOfMonth());
            }
        }
    }

    @Test
    void knownDays() {
        assertThat(CivilDays.epochDay(1970, 1, 1)).isZero();
        assertThat(CivilDays.epochDay(0, 1, 1)).isEqualTo(-719_528);
        assertThat(CivilDays.epochDay(2000, 2, 29)).isEqualTo(11_016);
        assertThat(CivilDays.date(0)).isEqualTo(19_700_101);
        assertThat(CivilDays.date(-719_528)).isEqualTo(101);
        assertThat(CivilDays.date(2_932_896)).isEqualTo(99_991_231);
        assertThat(CivilDays.monthLength(1900, 2)).isEqualTo(28);
        assertThat(CivilDays.monthLength(2000, 2)).isEqualTo(29);
        assertThat(CivilDays.monthLength(2024, 2)).isEqualTo(29);
        assertThat(CivilDays.monthLength(2026, 4)).isEqualTo(30);
    }
}
