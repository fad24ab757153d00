package cn.labordispute.supervision;

import java.time.Instant;

/** One overdue or soon-due task deadline as a supervisor reads it. */
public record UrgentItem(String caseNumber, String organisation, String organisationName, String stage,
        String stageLabel, String taskId, String taskName, String assignee, String period, String periodLabel,
        String source, Instant dueAt, String state, int workingDaysOverdue, boolean needsReview) {

    /** The last day of the period, as people count it in China. */
    public java.time.LocalDate dueDay() {
        return java.time.LocalDate.ofInstant(dueAt, cn.labordispute.calendar.WorkingDayCalendar.ZONE);
    }

    public boolean overdue() {
        return "OVERDUE".equals(state);
    }
}
