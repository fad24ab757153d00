package cn.labordispute.supervision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics' raw figures, straight from the case tables and Camunda's history tables in the same database
 * (ACT_HI_PROCINST, ACT_HI_VARINST, ACT_HI_TASKINST). Every query starts from the same set of cases, {@code fc}: the
 * cases of the caller's organisations that match the filter's organisation, mediator, cause and collective choice.
 * The period then applies to what each figure counts: cases received, cases closed, mediations concluded, and so on.
 * Rows are mapped by position: mapping records by name made the PostgreSQL driver throw and catch an exception for
 * every column name it tried first, which cost more than the queries at 20,000 cases.
 */
@Repository
class StatisticsQueries {

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filtered cases as a CTE, with its parameters. */
    private record Cases(String cte, List<Object> params) {

        List<Object> with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return all;
        }
    }

    private static Cases cases(StatisticsFilter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.organisations() != null) {
            if (f.organisations().isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND c.org_code IN (").append(marks(f.organisations().size())).append(")");
                params.addAll(f.organisations());
            }
        }
        if (f.collective() != null) {
            where.append(" AND c.collective = ?");
            params.add(f.collective());
        }
        if (f.causeCodes() != null && !f.causeCodes().isEmpty()) {
            where.append(" AND EXISTS (SELECT 1 FROM dc_claim cl WHERE cl.case_id = c.id AND cl.superseded_at IS NULL"
                    + " AND cl.cause_code IN (")
                    .append(marks(f.causeCodes().size())).append("))");
            params.addAll(f.causeCodes());
        }
        if (f.mediator() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_"
                    + " WHERE p.BUSINESS_KEY_ = c.case_number AND t.PROC_DEF_KEY_ = 'mediation' AND t.ASSIGNEE_ = ?)");
            params.add(f.mediator());
        }
        return new Cases("WITH fc AS (SELECT c.id, c.case_number FROM dc_case c" + where + ") ", params);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(cn.labordispute.calendar.WorkingDayCalendar.ZONE).toInstant());
    }

    static Timestamp end(LocalDate day) {
        return start(day.plusDays(1));
    }

    /** A case's life: when received and when closed (null while open). */
    record CaseSpan(LocalDate receivedOn, Timestamp closedAt, boolean collective) {
    }

    /** Every filtered case that was open at some time in the period. */
    List<CaseSpan> spans(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT c.received_on, c.closed_at, c.collective FROM dc_case c JOIN fc ON fc.id = c.id"
                        + " WHERE c.received_on <= ? AND (c.closed_at IS NULL OR c.closed_at >= ?)")
                .params(c.with(f.to(), start(f.from())))
                .query((rs, n) -> new CaseSpan(rs.getObject(1, LocalDate.class), rs.getTimestamp(2), rs.getBoolean(3)))
                .list();
    }

    /** How a concluded mediation ended, how long it took and what was agreed. */
    record Mediation(String outcome, Timestamp startedAt, Timestamp endedAt, BigDecimal agreed) {
    }

    List<Mediation> mediations(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT o.TEXT_ AS outcome, p.START_TIME_ AS started_at, p.END_TIME_ AS ended_at,"
                        + " COALESCE(a.DOUBLE_, a.LONG_) AS agreed FROM ACT_HI_PROCINST p"
                        + " JOIN fc ON fc.case_number = p.BUSINESS_KEY_"
                        + " JOIN ACT_HI_VARINST o ON o.PROC_INST_ID_ = p.ID_ AND o.NAME_ = 'mediationOutcome'"
                        + " LEFT JOIN ACT_HI_VARINST a ON a.PROC_INST_ID_ = p.ID_ AND a.NAME_ = 'agreedAmount'"
                        + " WHERE p.PROC_DEF_KEY_ = 'mediation' AND p.END_TIME_ >= ? AND p.END_TIME_ < ?")
                .params(c.with(start(f.from()), end(f.to())))
                .query((rs, n) -> new Mediation(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getBigDecimal(4)))
                .list();
    }

    /** The amount paid under agreements whose fulfilment ended in the period. */
    BigDecimal paid(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT COALESCE(SUM(COALESCE(v.DOUBLE_, v.LONG_)), 0) FROM ACT_HI_PROCINST p"
                        + " JOIN fc ON fc.case_number = p.BUSINESS_KEY_"
                        + " JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_ AND v.NAME_ = 'amountPaid'"
                        + " WHERE p.PROC_DEF_KEY_ = 'agreement_fulfilment' AND p.END_TIME_ >= ? AND p.END_TIME_ < ?")
                .params(c.with(start(f.from()), end(f.to()))).query(BigDecimal.class).single();
    }

    /** A stage entered or a case closed, in order per case. */
    record StageEvent(long caseId, Timestamp occurredAt, String kind, String stage, LocalDate receivedOn) {
    }

    List<StageEvent> stageEvents(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT e.case_id, e.occurred_at, e.kind, e.stage, c.received_on FROM dc_case_event e"
                        + " JOIN fc ON fc.id = e.case_id JOIN dc_case c ON c.id = e.case_id"
                        + " WHERE e.kind IN ('STAGE_ENTERED', 'CLOSED') AND (c.closed_at IS NULL OR c.closed_at >= ?)"
                        + " AND c.received_on <= ? ORDER BY e.case_id, e.occurred_at, e.id")
                .params(c.with(start(f.from()), f.to()))
                .query((rs, n) -> new StageEvent(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Deadlines closed in the period: met in time, or late. */
    record DeadlineCount(String state, long n) {
    }

    List<DeadlineCount> closedDeadlines(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT d.state, COUNT(*) AS n FROM dc_case_deadline d JOIN fc ON fc.id = d.case_id"
                        + " WHERE d.state IN ('MET', 'MET_LATE') AND d.closed_at >= ? AND d.closed_at < ? GROUP BY d.state")
                .params(c.with(start(f.from()), end(f.to())))
                .query((rs, n) -> new DeadlineCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** How many cases received in the period claim a cause, and how much they claim for it. */
    record CauseCount(String causeCode, long n, BigDecimal claimed) {
    }

    /**
     * The cases whose claims no one can have meant: a claim above the per-claim ceiling or a total above the per-case
     * one (policy/amount-limits.csv), as one grouped pass over the claims (a CTE after {@code fc}). Intake refuses
     * such amounts now; earlier records may still hold them.
     */
    private static final String IMPLAUSIBLE = ", bad AS (SELECT k.case_id FROM dc_claim k JOIN fc ON fc.id = k.case_id"
            + " WHERE k.superseded_at IS NULL GROUP BY k.case_id HAVING MAX(k.amount) > ? OR SUM(k.amount) > ?) ";

    /** How many cases received in the period claim a cause, and how much: implausible amounts left out. */
    List<CauseCount> causes(StatisticsFilter f, BigDecimal perClaim, BigDecimal perCase) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + IMPLAUSIBLE + "SELECT cl.cause_code, COUNT(DISTINCT cl.case_id) AS n, SUM(cl.amount) FROM dc_claim cl"
                        + " JOIN fc ON fc.id = cl.case_id JOIN dc_case c ON c.id = cl.case_id"
                        + " WHERE cl.superseded_at IS NULL AND c.received_on >= ? AND c.received_on <= ?"
                        + " AND cl.case_id NOT IN (SELECT case_id FROM bad) GROUP BY cl.cause_code ORDER BY n DESC, cl.cause_code")
                .params(c.with(perClaim, perCase, f.from(), f.to()))
                .query((rs, n) -> new CauseCount(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3))).list();
    }

    /** The cases received in the period whose claimed amounts are implausible, and so left out of the amounts. */
    List<String> implausible(StatisticsFilter f, BigDecimal perClaim, BigDecimal perCase) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + IMPLAUSIBLE + "SELECT c.case_number FROM dc_case c JOIN bad ON bad.case_id = c.id"
                        + " WHERE c.received_on >= ? AND c.received_on <= ? ORDER BY c.case_number")
                .params(c.with(perClaim, perCase, f.from(), f.to())).query(String.class).list();
    }

    /**
     * 约案率: of the mediations accepted in the period (their first session to be scheduled was created then), how
     * many have had their session scheduled.
     */
    long[] sessionsScheduled(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT COUNT(DISTINCT p.BUSINESS_KEY_), COUNT(DISTINCT CASE WHEN t.END_TIME_ IS NOT NULL"
                        + " AND t.DELETE_REASON_ = 'completed' THEN p.BUSINESS_KEY_ END) FROM ACT_HI_TASKINST t"
                        + " JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ JOIN fc ON fc.case_number = p.BUSINESS_KEY_"
                        + " WHERE t.TASK_DEF_KEY_ = 'Task_ScheduleMediationSession' AND t.START_TIME_ >= ? AND t.START_TIME_ < ?")
                .params(c.with(start(f.from()), end(f.to())))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /**
     * 当场履行: of the agreements whose performance was assessed in the period, how many were paid on the spot (the
     * mediator ticked 当场履行 on 评估履约能力).
     */
    long[] paidOnTheSpot(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT COUNT(DISTINCT t.ID_), COUNT(DISTINCT CASE WHEN v.LONG_ = 1 OR v.TEXT_ = 'true'"
                        + " THEN t.ID_ END) FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_"
                        + " JOIN fc ON fc.case_number = p.BUSINESS_KEY_ LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = t.PROC_INST_ID_"
                        + " AND v.NAME_ = 'paidOnTheSpot' WHERE t.TASK_DEF_KEY_ = 'Task_AssessPerformance'"
                        + " AND t.DELETE_REASON_ = 'completed' AND t.END_TIME_ >= ? AND t.END_TIME_ < ?")
                .params(c.with(start(f.from()), end(f.to())))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** A document a step issued in the period, and when each instance of that step began (loops begin it again). */
    record DocumentTurn(long documentId, String title, Timestamp issuedAt, Timestamp stepBegan) {
    }

    /**
     * 文书制作时长: the documents the steps issued in the period, with the beginnings of the step that issued each (the
     * step's task, in the case's processes); the service keeps, per document, the last beginning before its issue.
     */
    List<DocumentTurn> documentTurns(StatisticsFilter f) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT d.id, d.title, d.created_at, t.START_TIME_ FROM dc_document d"
                        + " JOIN fc ON fc.id = d.case_id JOIN ACT_HI_PROCINST p ON p.BUSINESS_KEY_ = fc.case_number"
                        + " JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = p.ID_ AND t.TASK_DEF_KEY_ = d.activity_id"
                        + " WHERE d.activity_id IS NOT NULL AND d.created_at >= ? AND d.created_at < ? AND t.START_TIME_ <= d.created_at")
                .params(c.with(start(f.from()), end(f.to())))
                .query((rs, n) -> new DocumentTurn(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)))
                .list();
    }

    /** How many processes of a kind (legal_aid, follow_up) started in the period. */
    long started(StatisticsFilter f, String processKey) {
        Cases c = cases(f);
        return jdbc.sql(c.cte() + "SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN fc ON fc.case_number = p.BUSINESS_KEY_"
                        + " WHERE p.PROC_DEF_KEY_ = ? AND p.START_TIME_ >= ? AND p.START_TIME_ < ?")
                .params(c.with(processKey, start(f.from()), end(f.to()))).query(Long.class).single();
    }
}
