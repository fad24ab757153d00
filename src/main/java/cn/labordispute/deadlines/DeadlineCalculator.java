package cn.labordispute.deadlines;

import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.deadlines.Deadline.SkippedDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts a named period from a date on the working-day calendar (CPL art.85, CC arts.201-203): the day of the event
 * is not counted; working-day periods count working days only; a period in days, months or years whose last day is
 * a rest day ends on the next working day.
 */
public class DeadlineCalculator {

    private final StatutoryPeriods periods;
    private final WorkingDayCalendar calendar;

    public DeadlineCalculator(StatutoryPeriods periods, WorkingDayCalendar calendar) {
        this.periods = periods;
        this.calendar = calendar;
    }

    /** A period's length in words as the table has it now ("3个工作日", "15日"), for descriptions and messages. */
    public String length(String periodName) {
        return periods.get(periodName).describe();
    }

    public Deadline compute(String periodName, LocalDate from) {
        return compute(periodName, from, 0);
    }

    /** The period lengthened by an extension of the given number of its own units (e.g. 仲裁延期 of 10 days). */
    public Deadline compute(String periodName, LocalDate from, int extension) {
        StatutoryPeriod period = periods.get(periodName).withLength(periods.get(periodName).length() + extension);
        List<SkippedDay> skipped = new ArrayList<>();
        LocalDate day;
        switch (period.unit()) {
            case WORKING_DAYS -> {
                day = from;
                int counted = 0;
                while (counted < period.length()) {
                    day = day.plusDays(1);
                    if (calendar.isWorkingDay(day)) {
                        counted++;
                    } else {
                        skipped.add(skip(day));
                    }
                }
            }
            case DAYS -> day = from.plusDays(period.length());
            case MONTHS -> day = from.plusMonths(period.length());
            case YEARS -> day = from.plusYears(period.length());
            default -> throw new IllegalStateException("unit " + period.unit());
        }
        while (!calendar.isWorkingDay(day)) {
            skipped.add(skip(day));
            day = day.plusDays(1);
        }
        boolean needsReview = !calendar.covers(day);
        return new Deadline(period, from, day, List.copyOf(skipped), needsReview);
    }

    /** The working day that lies the given number of working days before a day (the day itself if zero). */
    public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
        LocalDate d = day;
        int counted = 0;
        while (counted < workingDays) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to} (0 if {@code to} is not after it). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public boolean covers(LocalDate day) {
        return calendar.covers(day);
    }

    private SkippedDay skip(LocalDate day) {
        WorkingDayCalendar.Day listed = calendar.listed(day);
        if (listed != null) {
            return new SkippedDay(day, listed.name());
        }
        String weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY ? "星期六" : "星期日";
        return new SkippedDay(day, calendar.covers(day) ? weekend : weekend + "（节假日安排未发布，需人工核对）");
    }
}
