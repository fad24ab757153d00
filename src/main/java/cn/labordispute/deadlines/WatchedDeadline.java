package cn.labordispute.deadlines;

import java.time.Instant;

/** A deadline being watched: the task it belongs to, its period, when it is due and where it stands. */
public record WatchedDeadline(long id, String caseNumber, String organisation, String taskId, String taskKey,
        String taskName, String processKey, String period, Instant dueAt, Instant warnAt, String state,
        boolean needsReview, Instant openedAt, Instant warnedAt, Instant breachedAt, Instant closedAt) {

    public static final String OPEN = "OPEN";
    public static final String SOON_DUE = "SOON_DUE";
    public static final String OVERDUE = "OVERDUE";
    public static final String MET = "MET";
    public static final String MET_LATE = "MET_LATE";
    public static final String CANCELLED = "CANCELLED";
}
