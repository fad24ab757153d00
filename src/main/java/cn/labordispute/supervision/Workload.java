package cn.labordispute.supervision;

import java.time.Instant;
import java.util.List;

/**
 * What needs a supervisor before it is late: the open tasks nobody has claimed (how many, the oldest, a page of
 * them, oldest first), each handler's open work (open, due within seven days, overdue) so that overload shows, and
 * the open major and significant risks waiting for a response (how many, how many major, the first of them).
 */
public record Workload(long unclaimed, Instant oldestUnclaimed, List<Unclaimed> waiting, List<Handler> handlers,
        long openRisks, long majorRisks, List<OpenRisk> risks) {

    /** A task nobody has claimed yet; {@code caseNumber} is null for a risk's or a health check's task. */
    public record Unclaimed(String taskId, String taskName, String businessKey, String caseNumber, String organisation,
            Instant created, Instant due) {
    }

    /** One member of staff's open tasks in the supervisor's organisations. */
    public record Handler(String userId, long open, long dueThisWeek, long overdue) {
    }

    /** An open major or significant risk: its number, level, employer, workers, amount, when it was reported. */
    public record OpenRisk(String riskNumber, String levelLabel, boolean major, String employerName, int workers,
            java.math.BigDecimal amount, Instant reportedAt) {
    }
}
