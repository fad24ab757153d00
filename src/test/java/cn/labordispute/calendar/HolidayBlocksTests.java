package cn.labordispute.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.DeadlineCalculator;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.policy.PolicyTable;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/** Every 2024-2026 holiday block and every 调休 working day, with the expected dates written out by hand. */
class HolidayBlocksTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(new ClassPathResource("policy/holidays-cn.csv"));
    private final DeadlineCalculator calculator = new DeadlineCalculator(
            new StatutoryPeriods(new ClassPathResource("policy-test/periods.csv"), Map.of()), calendar);

    /** first day off, last day off, the first working day after the block. */
    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("元旦 2024", "2024-01-01", "2024-01-01", "2024-01-02"),
                Arguments.of("春节 2024", "2024-02-10", "2024-02-17", "2024-02-18"),
                Arguments.of("清明 2024", "2024-04-04", "2024-04-06", "2024-04-07"),
                Arguments.of("劳动节 2024", "2024-05-01", "2024-05-05", "2024-05-06"),
                Arguments.of("端午 2024", "2024-06-10", "2024-06-10", "2024-06-11"),
                Arguments.of("中秋 2024", "2024-09-15", "2024-09-17", "2024-09-18"),
                Arguments.of("国庆 2024", "2024-10-01", "2024-10-07", "2024-10-08"),
                Arguments.of("元旦 2025", "2025-01-01", "2025-01-01", "2025-01-02"),
                Arguments.of("春节 2025", "2025-01-28", "2025-02-04", "2025-02-05"),
                Arguments.of("清明 2025", "2025-04-04", "2025-04-06", "2025-04-07"),
                Arguments.of("劳动节 2025", "2025-05-01", "2025-05-05", "2025-05-06"),
                Arguments.of("端午 2025", "2025-05-31", "2025-06-02", "2025-06-03"),
                Arguments.of("国庆中秋 2025", "2025-10-01", "2025-10-08", "2025-10-09"),
                Arguments.of("元旦 2026", "2026-01-01", "2026-01-03", "2026-01-04"),
                Arguments.of("春节 2026", "2026-02-15", "2026-02-23", "2026-02-24"),
                Arguments.of("清明 2026", "2026-04-04", "2026-04-06", "2026-04-07"),
                Arguments.of("劳动节 2026", "2026-05-01", "2026-05-05", "2026-05-06"),
                Arguments.of("端午 2026", "2026-06-19", "2026-06-21", "2026-06-22"),
                Arguments.of("中秋 2026", "2026-09-25", "2026-09-27", "2026-09-28"),
                Arguments.of("国庆 2026", "2026-10-01", "2026-10-07", "2026-10-08"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void periodsStepOverTheWholeBlock(String name, String first, String last, String after) {
        LocalDate firstOff = LocalDate.parse(first);
        LocalDate lastOff = LocalDate.parse(last);
        LocalDate nextWorking = LocalDate.parse(after);
        for (LocalDate d = firstOff; !d.isAfter(lastOff); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as(d + " is off").isFalse();
        }
        assertThat(calendar.isWorkingDay(nextWorking)).isTrue();
        // one working day counted from the day before the block lands after it
        assertThat(calculator.compute("ONE_WORKING_DAY", firstOff.minusDays(1)).due()).isEqualTo(nextWorking);
        // a one-day period whose last day is in the block ends on the first working day after it
        assertThat(calculator.compute("ONE_DAY", lastOff.minusDays(1)).due()).isEqualTo(nextWorking);
        // a period that starts the day before the block and ends inside it
        assertThat(calculator.compute("ONE_DAY", firstOff.minusDays(1)).due()).isEqualTo(nextWorking);
    }

    static Stream<String> adjustedWorkingDays() {
        return PolicyTable.read(new ClassPathResource("policy/holidays-cn.csv")).stream()
                .filter(r -> r.get("kind").equals("WORK")).map(r -> r.get("date"));
    }

    @ParameterizedTest(name = "调休 {0}")
    @MethodSource("adjustedWorkingDays")
    void adjustedWeekendDaysAreWorkingDaysThatCount(String date) {
        LocalDate day = LocalDate.parse(date);
        assertThat(day.getDayOfWeek().getValue()).as("a 调休 day is a Saturday or Sunday").isGreaterThanOrEqualTo(6);
        assertThat(calendar.isWorkingDay(day)).isTrue();
        LocalDate previousWorkingDay = day.minusDays(1);
        while (!calendar.isWorkingDay(previousWorkingDay)) {
            previousWorkingDay = previousWorkingDay.minusDays(1);
        }
        assertThat(calculator.compute("ONE_WORKING_DAY", previousWorkingDay).due()).isEqualTo(day);
    }

    @Test
    void eachYearHasThirteenOrMoreStatutoryDaysOffFrom2025() {
        long days2025 = PolicyTable.read(new ClassPathResource("policy/holidays-cn.csv")).stream()
                .filter(r -> r.get("kind").equals("REST") && r.get("date").startsWith("2025")).count();
        assertThat(days2025).as("holiday blocks include the weekends they absorb").isGreaterThanOrEqualTo(13);
        assertThat(calendar.lastCoveredYear()).isEqualTo(2026);
    }
}
