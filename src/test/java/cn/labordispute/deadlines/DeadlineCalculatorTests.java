package cn.labordispute.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.labordispute.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Deadline arithmetic around the holiday blocks of 2024-2026 and beyond the data. */
class DeadlineCalculatorTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(new ClassPathResource("policy/holidays-cn.csv"));

    private DeadlineCalculator calculator(Map<String, Integer> overrides) {
        return new DeadlineCalculator(
                new StatutoryPeriods(new ClassPathResource("policy/statutory-periods.csv"), overrides), calendar);
    }

    private final DeadlineCalculator calculator = calculator(Map.of());

    private LocalDate due(String period, String from) {
        return calculator.compute(period, LocalDate.parse(from)).due();
    }

    @Test
    void workingDaysSkipSpringFestivalAndCountItsAdjustedWorkingSaturday() {
        // 2026: 春节 15-23 Feb off; Sat 14 Feb and Sat 28 Feb are working days
        assertThat(due("MEDIATION_ACCEPTANCE", "2026-02-12")).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(due("MEDIATION_ACCEPTANCE", "2026-02-11")).as("Thu 12, Fri 13, Sat 14 (调休)")
                .isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(due("MEDIATION_ACCEPTANCE", "2026-02-25")).as("Thu 26, Fri 27, Sat 28 (调休)")
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void workingDaysAroundEveryGoldenWeek() {
        // 2024 国庆 1-7 Oct, 29 Sep (Sun) and 12 Oct (Sat) working
        assertThat(due("MEDIATION_ACCEPTANCE", "2024-09-26")).as("Fri 27, Sun 29 (调休), Mon 30")
                .isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(due("MEDIATION_ACCEPTANCE", "2024-09-28")).as("Sun 29, Mon 30, then Tue 8 Oct")
                .isEqualTo(LocalDate.of(2024, 10, 8));
        // 2025 国庆中秋 1-8 Oct, 28 Sep (Sun) and 11 Oct (Sat) working
        assertThat(due("MEDIATION_ACCEPTANCE", "2025-09-30")).isEqualTo(LocalDate.of(2025, 10, 11));
        // 2025 劳动节 1-5 May, 27 Apr (Sun) working
        assertThat(due("MEDIATION_ACCEPTANCE", "2025-04-25")).isEqualTo(LocalDate.of(2025, 4, 29));
        // 2026 劳动节 1-5 May, 9 May (Sat) working
        assertThat(due("MEDIATION_ACCEPTANCE", "2026-04-30")).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    void calendarDayPeriodEndingInAHolidayMovesToTheNextWorkingDay() {
        // 5 days from 26 Sep 2026 end on 1 Oct (国庆): the period ends on Thu 8 Oct
        Deadline d = calculator.compute("ARBITRATION_ACCEPTANCE", LocalDate.of(2026, 9, 26));
        assertThat(d.due()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(d.skipped()).extracting(Deadline.SkippedDay::reason).containsOnly("国庆节");
        assertThat(d.skipped()).hasSize(7);
        assertThat(d.needsReview()).isFalse();
    }

    @Test
    void dayBeforeTheSpringFestivalHoliday() {
        // 2025: 除夕 28 Jan starts the holiday (28 Jan - 4 Feb); 5 days from 27 Jan land on 1 Feb
        assertThat(due("ARBITRATION_ACCEPTANCE", "2025-01-27")).isEqualTo(LocalDate.of(2025, 2, 5));
        // 2024: 7 days from 9 Feb (除夕, a working day) land on 16 Feb, in the holiday; Sun 18 Feb is a working day
        assertThat(due("LEGAL_AID_REVIEW", "2024-02-09")).isEqualTo(LocalDate.of(2024, 2, 18));
    }

    @Test
    void dayOfTheEventIsNotCounted() {
        assertThat(due("ARBITRATION_ACCEPTANCE", "2026-03-03")).isEqualTo(LocalDate.of(2026, 3, 9))
                .as("3 Mar + 5 = Sun 8 Mar, so Mon 9 Mar");
        assertThat(due("ARBITRATION_ACCEPTANCE", "2026-03-02")).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(due("COURT_FILING", "2026-03-04")).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void monthsEndOnTheSameDayOrTheLastDayOfTheMonth() {
        // CC art.202: three months from 31 January end on 30 April (2026: a Thursday)
        assertThat(due("FIRST_INSTANCE_SUMMARY", "2026-01-31")).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void datesBeyondTheHolidayDataAreFlaggedForReview() {
        Deadline d = calculator.compute("ARBITRATION_ACCEPTANCE", LocalDate.of(2026, 12, 30));
        assertThat(d.due()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(d.needsReview()).isTrue();
        assertThat(d.skipped()).extracting(Deadline.SkippedDay::reason).allMatch(r -> r.contains("需人工核对"));
    }

    @Test
    void configuredLengthOverridesTheTable() {
        DeadlineCalculator shorter = calculator(Map.of("FOLLOW_UP_VISIT", 20));
        assertThat(shorter.compute("FOLLOW_UP_VISIT", LocalDate.of(2026, 3, 2)).due()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(calculator.compute("FOLLOW_UP_VISIT", LocalDate.of(2026, 3, 2)).due()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void unknownPeriodIsAnErrorNamingIt() {
        assertThatThrownBy(() -> due("NO_SUCH_PERIOD", "2026-03-02")).hasMessageContaining("NO_SUCH_PERIOD");
    }
}
