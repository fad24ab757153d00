package cn.labordispute.supervision;

import cn.labordispute.deadlines.DeadlineMonitor;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Overdue and soon-due deadlines straight from the database: the watched deadlines joined with their case, its
 * organisation and the task's current assignee (Camunda's ACT_RU_TASK, same database). Rows are mapped by position
 * (mapping records by name costs the PostgreSQL driver an exception per column name it tries and misses).
 */
@Repository
class OverdueQueries {

    static final int LIST_LIMIT = 200;
    private static final String JOINS = " FROM dc_case_deadline d JOIN dc_case c ON c.id = d.case_id "
            + "JOIN dc_organisation o ON o.code = c.org_code LEFT JOIN ACT_RU_TASK t ON t.ID_ = d.task_id";
    private static final String FROM = JOINS + " WHERE d.state IN ('OVERDUE', 'SOON_DUE')";

    /** A row before it is dressed for people. */
    record Row(String caseNumber, String orgCode, String orgName, String stage, String taskId, String taskName,
            String assignee, String period, Timestamp dueAt, String state, boolean needsReview) {
    }

    private final JdbcClient jdbc;

    OverdueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Overdue first (longest overdue first), then soon due by due date. Each state is read on its own in due-date
     * order (the index on state and due date), so that the database stops after the first rows of each instead of
     * joining and sorting every open deadline of the organisations (at 20,000 cases, 107 ms for the city).
     */
    List<Row> urgent(Set<String> organisations, String assignee) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT * FROM ((" + mostUrgent("OVERDUE", 0, organisations, assignee, params) + ") UNION ALL ("
                + mostUrgent("SOON_DUE", 1, organisations, assignee, params) + ")) u ORDER BY u.urgency, u.due_at, u.id"
                + " LIMIT " + LIST_LIMIT;
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9),
                rs.getString(10), rs.getBoolean(11))).list();
    }

    /** The first deadlines in one state by due date, marked with the state's rank in the list. */
    private static String mostUrgent(String state, int urgency, Set<String> organisations, String assignee,
            List<Object> params) {
        return "SELECT c.case_number, c.org_code, o.name AS org_name, c.stage, d.task_id, d.task_name, "
                + "t.ASSIGNEE_ AS assignee, d.period, d.due_at, d.state, d.needs_review, d.id, " + urgency + " AS urgency"
                + JOINS + " WHERE d.state = '" + state + "'" + scope(organisations, assignee, params)
                + " ORDER BY d.due_at, d.id LIMIT " + LIST_LIMIT;
    }

    /** One group of the counts: a stage, an organisation and an assignee, with how many are overdue or soon due. */
    record CountRow(String stage, String organisation, String assignee, String state, long n) {
    }

    /** Every count the board shows, in one query grouped by stage, organisation, assignee and state. */
    List<CountRow> counts(Set<String> organisations, String assignee) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT c.stage AS stage, o.name AS organisation, t.ASSIGNEE_ AS assignee, d.state AS state, "
                + "COUNT(*) AS n" + FROM + scope(organisations, assignee, params)
                + " GROUP BY c.stage, o.name, t.ASSIGNEE_, d.state";
        return jdbc.sql(sql).params(params).query((rs, n) -> new CountRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5))).list();
    }

    /** The tasks of the organisations (their engine tenants) that nobody has claimed; the supervisors' own excluded. */
    private static final String UNCLAIMED = " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
            + "LEFT JOIN dc_case c ON c.case_number = e.BUSINESS_KEY_ "
            + "WHERE t.ASSIGNEE_ IS NULL AND t.PROC_DEF_ID_ NOT LIKE 'deadline_escalation:%'";

    /**
     * How many tasks wait unclaimed, and since when the oldest: the task table alone (every task belongs to a process
     * instance, so the list's joins would change nothing here; at 100,000 cases they made the count 114 ms, not 36).
     */
    Object[] unclaimedCount(Set<String> organisations) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*), MIN(t.CREATE_TIME_) FROM ACT_RU_TASK t WHERE t.ASSIGNEE_ IS NULL "
                + "AND t.PROC_DEF_ID_ NOT LIKE 'deadline_escalation:%'" + tenants(organisations, params);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).single();
    }

    /** The unclaimed tasks, the longest waiting first. */
    List<Workload.Unclaimed> unclaimed(Set<String> organisations, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT t.ID_, t.NAME_, e.BUSINESS_KEY_, c.case_number, t.TENANT_ID_, t.CREATE_TIME_, t.DUE_DATE_"
                + UNCLAIMED + tenants(organisations, params) + " ORDER BY t.CREATE_TIME_, t.ID_ LIMIT " + limit;
        return jdbc.sql(sql).params(params).query((rs, n) -> new Workload.Unclaimed(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)))).list();
    }

    /** Each handler's open tasks in the organisations: open, due within the week, overdue; the busiest first. */
    List<Workload.Handler> handlers(Set<String> organisations, java.time.Instant now) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(now));
        params.add(Timestamp.from(now));
        params.add(Timestamp.from(now.plus(java.time.Duration.ofDays(7))));
        String sql = "SELECT t.ASSIGNEE_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN t.DUE_DATE_ >= ? AND t.DUE_DATE_ < ? THEN 1 ELSE 0 END) FROM ACT_RU_TASK t "
                + "WHERE t.ASSIGNEE_ IS NOT NULL" + tenants(organisations, params)
                + " GROUP BY t.ASSIGNEE_ ORDER BY COUNT(*) DESC, t.ASSIGNEE_";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Workload.Handler(rs.getString(1), rs.getLong(2),
                rs.getLong(4), rs.getLong(3))).list();
    }

    /** An open 超期督办 step: its task, its process instance, who took it (null: nobody yet), when it began. */
    record OpenEscalation(String taskId, String processInstanceId, String assignee, Timestamp created) {
    }

    /**
     * The organisations' open 超期督办 steps (their engine tenants), by the step's key alone: the engine's index of
     * steps by key and creation time (EngineIndexes) answers it without reading the task table.
     */
    private static final String ESCALATIONS = " FROM ACT_RU_TASK t WHERE t.TASK_DEF_KEY_ = ?";

    /** How many 超期督办 steps are open in the organisations. */
    long escalationCount(Set<String> organisations) {
        List<Object> params = escalationParams();
        String sql = "SELECT COUNT(*)" + ESCALATIONS + tenants(organisations, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The open 超期督办 steps, the longest waiting first. */
    List<OpenEscalation> escalations(Set<String> organisations, int limit) {
        List<Object> params = escalationParams();
        String sql = "SELECT t.ID_, t.PROC_INST_ID_, t.ASSIGNEE_, t.CREATE_TIME_" + ESCALATIONS
                + tenants(organisations, params) + " ORDER BY t.CREATE_TIME_, t.ID_ LIMIT " + limit;
        return jdbc.sql(sql).params(params).query((rs, n) -> new OpenEscalation(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getTimestamp(4))).list();
    }

    private static List<Object> escalationParams() {
        return new ArrayList<>(List.of(DeadlineMonitor.ESCALATION_TASK));
    }

    private static String tenants(Set<String> organisations, List<Object> params) {
        if (organisations == null) {
            return "";
        }
        if (organisations.isEmpty()) {
            return " AND 1 = 0";
        }
        params.addAll(organisations);
        return " AND t.TENANT_ID_ IN (" + String.join(", ", organisations.stream().map(o -> "?").toList()) + ")";
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String scope(Set<String> organisations, String assignee, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (organisations != null) {
            if (organisations.isEmpty()) {
                return " AND 1 = 0";
            }
            where.append(" AND c.org_code IN (").append(String.join(", ", organisations.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(organisations);
        }
        if (assignee != null) {
            where.append(" AND t.ASSIGNEE_ = ?");
            params.add(assignee);
        }
        return where.toString();
    }
}
