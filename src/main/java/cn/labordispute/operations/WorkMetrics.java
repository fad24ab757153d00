package cn.labordispute.operations;

import cn.labordispute.cases.CaseOpened;
import cn.labordispute.cases.CaseStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The work as an operator watches it, for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code dispute_cases_opened_total{organisation}}: cases opened on this node since it started (sum over nodes);</li>
 * <li>{@code dispute_steps_open{stage}} and {@code dispute_steps_overdue{stage}}: steps with a watched deadline not yet
 * done, and those past their due date, by the stage of their case (the whole database, the same on every node);</li>
 * <li>{@code dispute_jobs_due_waiting}: timers and other jobs due but not yet taken by any node's job executor — a
 * number that grows means the executors do not keep up or are stopped; {@code dispute_jobs_locked}: jobs being run;
 * {@code dispute_jobs_failed}: jobs that used up their retries (incidents).</li>
 * </ul>
 * The database figures are read at most every {@code dispute.metrics.refresh} (30 seconds), however often they are
 * scraped. Timer lateness and failed logins are recorded where they happen ({@code dispute_timer_lateness_seconds},
 * {@code dispute_logins_refused_total}, {@code dispute_portal_rate_limited_total}).
 */
@Component
class WorkMetrics {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant readAt = Instant.EPOCH;
    private volatile Map<String, Long> figures = Map.of();

    WorkMetrics(JdbcClient jdbc, MeterRegistry registry, @Value("${dispute.metrics.refresh:PT30S}") Duration refresh) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.refresh = refresh;
        for (CaseStage stage : CaseStage.values()) {
            gauge("dispute.steps.open", "steps with a watched deadline not yet done", "open:" + stage.name(), stage);
            gauge("dispute.steps.overdue", "steps past their due date", "overdue:" + stage.name(), stage);
        }
        Gauge.builder("dispute.jobs.due.waiting", () -> figure("jobs:due")).description("jobs due, not yet acquired")
                .register(registry);
        Gauge.builder("dispute.jobs.locked", () -> figure("jobs:locked")).description("jobs being run").register(registry);
        Gauge.builder("dispute.jobs.failed", () -> figure("jobs:failed")).description("jobs out of retries")
                .register(registry);
    }

    private void gauge(String name, String description, String key, CaseStage stage) {
        Gauge.builder(name, () -> figure(key)).description(description).tag("stage", stage.name()).register(registry);
    }

    @TransactionalEventListener
    void caseOpened(CaseOpened opened) {
        Counter.builder("dispute.cases.opened").description("cases opened").tag("organisation", opened.organisation())
                .register(registry).increment();
    }

    private long figure(String key) {
        if (readAt.plus(refresh).isBefore(clock.instant())) {
            read();
        }
        return figures.getOrDefault(key, 0L);
    }

    private synchronized void read() {
        if (!readAt.plus(refresh).isBefore(clock.instant())) {
            return; // another scrape read them meanwhile
        }
        Map<String, Long> read = new HashMap<>();
        jdbc.sql("SELECT c.stage, COUNT(*) AS steps, SUM(CASE WHEN d.state = 'OVERDUE' THEN 1 ELSE 0 END) AS overdue "
                        + "FROM dc_case_deadline d JOIN dc_case c ON c.id = d.case_id "
                        + "WHERE d.state IN ('OPEN', 'SOON_DUE', 'OVERDUE') GROUP BY c.stage")
                .query(rs -> {
                    read.put("open:" + rs.getString("stage"), rs.getLong("steps"));
                    read.put("overdue:" + rs.getString("stage"), rs.getLong("overdue"));
                });
        Timestamp now = Timestamp.from(clock.instant());
        read.put("jobs:due", count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND RETRIES_ > 0 "
                + "AND SUSPENSION_STATE_ = 1 AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)", now, now));
        read.put("jobs:locked", count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ >= ?", now));
        read.put("jobs:failed", count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0"));
        figures = read;
        readAt = clock.instant();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
