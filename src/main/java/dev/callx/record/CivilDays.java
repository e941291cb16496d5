package dev.callx.record;

/**
 * Dates of years 0000 to 9999 as days since 1970-01-01 and back, in arithmetic without a branch
 * that depends on the date (after Howard Hinnant's {@code days_from_civil} and
 * {@code civil_from_days}), for the timestamp fast paths. The same numbers as {@code LocalDate},
 * whose month-length and leap-year branches compiled code assumes are never taken until a 29th, a
 * February or a leap day arrives: each first arrival then threw the compiled parser away and
 * compiled it again (about 80 ms of C2 each, twice per 100,000-call export).
 */
final class CivilDays {
    /** Days from 0000-03-01 to 1970-01-01, plus one 400-year era so that year - 1 stays positive. */
    private static final int EPOCH_SHIFT = 719_468 + 146_097;
    private static final int[] MONTH_LENGTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CivilDays() {
    }

    /** 1 when {@code x} is 0, else 0. */
    private static int isZero(int x) {
        return ((x | -x) >>> 31) ^ 1;
    }

    /** 1 for a leap year of the proleptic Gregorian calendar (0 to 9999), else 0. */
    static int leap(int year) {
        return isZero(year & 3) & ((isZero(year % 100) ^ 1) | isZero(year % 400));
    }

    /** The number of days of {@code month} (1 to 12) in {@code year} (0 to 9999). */
    static int monthLength(int year, int month) {
        return MONTH_LENGTH[month] + (isZero(month ^ 2) & leap(year));
    }

    /** Days since 1970-01-01 of a valid date of years 0 to 9999. */
    static long epochDay(int year, int month, int day) {
        int early = (month - 3) >>> 31; // January and February count in the year before
        int y = year - early + 400;
        int era = y / 400;
        int yearOfEra = y - era * 400;
        int monthFromMarch = month - 3 + 12 * early;
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - EPOCH_SHIFT;
    }

    /**
     * The date of a day since 1970-01-01 within years 0 to 9999, as {@code year * 10000 + month *
     * 100 + day} (2026-11-01 is 20261101).
     */
    static int date(long epochDay) {
        int z = (int) (epochDay + EPOCH_SHIFT);
        int era = z / 146_097;
        int dayOfEra = z - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int late = (9 - monthFromMarch) >>> 31; // January and February: the next year
        int month = monthFromMarch + 3 - 12 * late;
        int year = yearOfEra + era * 400 - 400 + late;
        return year * 10_000 + month * 100 + day;
    }
}
