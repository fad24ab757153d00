package cn.labordispute.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dc_case_deadline table: one row per watched task deadline. */
@Repository
public class DeadlineRecords {

    private static final String COLUMNS = "d.id, c.case_number, c.org_code, d.task_id, d.task_key, d.task_name, "
            + "d.process_key, d.period, d.due_at, d.warn_at, d.state, d.needs_review, d.opened_at, d.warned_at, "
            + "d.breached_at, d.closed_at FROM dc_case_deadline d JOIN dc_case c ON c.id = d.case_id";

    private final JdbcClient jdbc;

    DeadlineRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the row for a new task; false if the business key is not a case (e.g. a task outside any case). */
    public boolean open(String caseNumber, String taskId, String taskKey, String taskName, String processKey,
            String period, Instant dueAt, Instant warnAt, boolean needsReview, Instant now) {
        return jdbc.sql("INSERT INTO dc_case_deadline (case_id, task_id, task_key, task_name, process_key, period, due_at, "
                        + "warn_at, state, needs_review, opened_at) SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM dc_case "
                        + "WHERE case_number = ?")
                .params(taskId, taskKey, taskName, processKey, period, ts(dueAt), ts(warnAt), WatchedDeadline.OPEN,
                        needsReview, ts(now), caseNumber)
                .update() > 0;
    }

    /** The task was completed: MET if on time, MET_LATE if after its due time. */
    /** Whether the task's deadline has passed while it was open (its 超期督办 was started). */
    public boolean breached(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM dc_case_deadline WHERE task_id = ? AND breached_at IS NOT NULL "
                + "AND closed_at IS NULL").param(taskId).query(Long.class).single() > 0;
    }

    public void complete(String taskId, Instant now) {
        jdbc.sql("UPDATE dc_case_deadline SET state = CASE WHEN due_at < ? THEN 'MET_LATE' ELSE 'MET' END, "
                        + "closed_at = ? WHERE task_id = ? AND closed_at IS NULL")
                .params(ts(now), ts(now), taskId).update();
    }

    /** The task went away without being completed (its stage was interrupted or withdrawn). */
    public void cancel(String taskId, Instant now) {
        jdbc.sql("UPDATE dc_case_deadline SET state = 'CANCELLED', closed_at = ? WHERE task_id = ? AND closed_at IS NULL")
                .params(ts(now), taskId).update();
    }

    /** The task's due date changed (e.g. a supervisor set a new one): the watch starts again from the new date. */
    public void reschedule(String taskId, Instant dueAt, Instant warnAt, boolean needsReview) {
        jdbc.sql("UPDATE dc_case_deadline SET due_at = ?, warn_at = ?, needs_review = ?, state = 'OPEN', "
                        + "warned_at = NULL, breached_at = NULL WHERE task_id = ? AND closed_at IS NULL AND due_at <> ?")
                .params(ts(dueAt), ts(warnAt), needsReview, taskId, ts(dueAt)).update();
    }

    public List<WatchedDeadline> toWarn(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE d.state = 'OPEN' AND d.warn_at <= ? ORDER BY d.warn_at LIMIT ?")
                .params(ts(now), limit).query(DeadlineRecords::map).list();
    }

    public List<WatchedDeadline> toBreach(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE d.state IN ('OPEN', 'SOON_DUE') AND d.due_at <= ? "
                        + "ORDER BY d.due_at LIMIT ?")
                .params(ts(now), limit).query(DeadlineRecords::map).list();
    }

    /** Moves OPEN to SOON_DUE; false if another node already did. */
    public boolean markWarned(long id, Instant now) {
        return jdbc.sql("UPDATE dc_case_deadline SET state = 'SOON_DUE', warned_at = ? WHERE id = ? AND state = 'OPEN'")
                .params(ts(now), id).update() == 1;
    }

    /** Moves OPEN or SOON_DUE to OVERDUE; false if another node already did. */
    public boolean markBreached(long id, Instant now) {
        return jdbc.sql("UPDATE dc_case_deadline SET state = 'OVERDUE', breached_at = ? WHERE id = ? "
                        + "AND state IN ('OPEN', 'SOON_DUE')")
                .params(ts(now), id).update() == 1;
    }

    public List<WatchedDeadline> forCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE c.case_number = ? ORDER BY d.opened_at, d.id").param(caseNumber)
                .query(DeadlineRecords::map).list();
    }

    private static WatchedDeadline map(ResultSet rs, int n) throws SQLException {
        return new WatchedDeadline(rs.getLong("id"), rs.getString("case_number"), rs.getString("org_code"),
                rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                rs.getString("process_key"), rs.getString("period"), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("warn_at")), rs.getString("state"), rs.getBoolean("needs_review"),
                instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("warned_at")),
                instant(rs.getTimestamp("breached_at")), instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
