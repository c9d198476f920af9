package be.keten.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BelgianCalendarTest {
    private final BelgianCalendar cal = BelgianCalendar.get();

    @ParameterizedTest
    @CsvSource({"2019,2019-04-21", "2023,2023-04-09", "2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2038,2038-04-25",
            "2000,2000-04-23", "1818,1818-03-22", "2285,2285-03-22"})
    void easterSundayMatchesPublishedDates(int year, LocalDate easter) {
        assertThat(BelgianCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void tenFederalHolidaysWithMovableOnesFromEaster() {
        var h = cal.holidays(2024);
        assertThat(h).hasSize(10);
        assertThat(h).containsEntry(LocalDate.of(2024, 4, 1), "Easter Monday")
                .containsEntry(LocalDate.of(2024, 5, 9), "Ascension Day")
                .containsEntry(LocalDate.of(2024, 5, 20), "Whit Monday")
                .containsEntry(LocalDate.of(2024, 7, 21), "National Day")
                .containsEntry(LocalDate.of(2024, 11, 11), "Armistice Day");
        assertThat(cal.holidays(2025)).containsEntry(LocalDate.of(2025, 4, 21), "Easter Monday")
                .containsEntry(LocalDate.of(2025, 5, 29), "Ascension Day").containsEntry(LocalDate.of(2025, 6, 9), "Whit Monday");
    }

    @Test
    void fifteenWorkingDaysFromATransferBeforeEaster() {
        // 28 March 2024 is Maundy Thursday; 1 April is Easter Monday.
        // Working days: 29/3 (1), 2-5/4 (2-5), 8-12/4 (6-10), 15-19/4 (11-15).
        assertThat(cal.addWorkingDays(LocalDate.of(2024, 3, 28), 15)).isEqualTo(LocalDate.of(2024, 4, 19));
        // Without the holiday it would have been the 18th.
        assertThat(cal.isWorkingDay(LocalDate.of(2024, 4, 1))).isFalse();
    }

    @Test
    void periodsAcrossTheYearBoundarySkipChristmasAndNewYear() {
        // 23/12 (1), 24/12 (2), 25/12 holiday, 26/12 (3), 27/12 (4), 30/12 (5), 31/12 (6), 1/1 holiday, 2/1 (7), 3/1 (8), 6/1 (9), 7/1 (10)
        assertThat(cal.addWorkingDays(LocalDate.of(2024, 12, 20), 5)).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(cal.addWorkingDays(LocalDate.of(2024, 12, 20), 10)).isEqualTo(LocalDate.of(2025, 1, 7));
    }

    @Test
    void fiftyWorkingDaysAndTheInverseCount() {
        LocalDate from = LocalDate.of(2024, 2, 1);
        LocalDate end = cal.addWorkingDays(from, 50);
        assertThat(cal.workingDaysBetween(from, end)).isEqualTo(50);
        assertThat(cal.isWorkingDay(end)).isTrue();
        assertThat(end.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        // 20 working days left in February, 21 in March, then April after Easter Monday: 2-5 and 8-12 April.
        assertThat(end).isEqualTo(LocalDate.of(2024, 4, 12));
    }

    @Test
    void aStartOnAWeekendCountsFromTheNextWorkingDay() {
        assertThat(cal.addWorkingDays(LocalDate.of(2024, 6, 1), 1)).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(cal.addWorkingDays(LocalDate.of(2024, 6, 1), 0)).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void negativePeriodsAreRefused() {
        assertThatThrownBy(() -> cal.addWorkingDays(LocalDate.of(2024, 1, 1), -1)).hasMessageContaining("0 or more");
    }
}
