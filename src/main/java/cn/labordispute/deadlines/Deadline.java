package cn.labordispute.deadlines;

import java.time.LocalDate;
import java.util.List;

/**
 * A computed deadline: the period, the day counted from, the last day, the rest days the count stepped over,
 * and whether part of the count lies beyond the holiday data and needs a person's check (需人工核对).
 */
public record Deadline(StatutoryPeriod period, LocalDate from, LocalDate due, List<SkippedDay> skipped,
        boolean needsReview) {

    /** A day the count did not land on: a weekend, a public holiday (with its name) or beyond the data. */
    public record SkippedDay(LocalDate date, String reason) {
    }
}
