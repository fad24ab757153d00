package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator relies on: health and readiness open to a load balancer without details, metrics and the audit log
 * only for operators and admins, and the figures they show moving with the work (a case opened, a refused login, a
 * timer fired late).
 */
@StaffApiTest
class OperationsIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void healthAndReadinessAreOpenWithoutDetails() {
        ResponseEntity<Map<String, Object>> health = http.exchange("/actuator/health", org.springframework.http.HttpMethod.GET,
                null, new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        String details = http.withBasicAuth("admin", "admin").getForObject("/actuator/health/readiness", String.class);
        assertThat(details).contains("\"db\"", "\"processEngine\"", "\"readinessState\""); // tests run no job executor
    }

    @Test
    void metricsAndTheAuditLogAreForOperatorsOnly() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("tianjing", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("hemei", "demo").getForEntity("/actuator/auditevents", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isIn(HttpStatus.UNAUTHORIZED,
                HttpStatus.NOT_FOUND);
    }

    @Test
    void theFiguresMoveWithTheWork() {
        StaffClient city = new StaffClient(http, "hemei", "demo");
        String caseNumber = (String) city.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");
        // (a user no other test logs in with wrongly: the login throttle slows an account down after failures)
        assertThat(http.withBasicAuth("sunhao", "wrong").getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // the deadline monitor's sweep, fired 7 seconds after it was due, as the job executor runs it
        Job sweep = management.createJobQuery().timers().processDefinitionKey("deadline_monitor").singleResult();
        ClockUtil.setCurrentTime(new Date(sweep.getDuedate().getTime() + 7_000));
        Context.setJobExecutorContext(new JobExecutorContext());
        try {
            management.executeJob(sweep.getId());
        } finally {
            Context.removeJobExecutorContext();
        }

        String metrics = http.withBasicAuth("admin", "admin").getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("dispute_cases_opened_total\\{[^}]*organisation=\"jishou\"[^}]*} [1-9]")
                .containsPattern("dispute_logins_refused_total\\{[^}]*reason=\"wrong_password\"[^}]*} [1-9]")
                .containsPattern("dispute_steps_open\\{[^}]*stage=\"MEDIATION\"[^}]*} [1-9]")
                .contains("dispute_steps_overdue{", "dispute_jobs_due_waiting",
                        "# TYPE dispute_timer_lateness_seconds summary")
                .containsPattern("dispute_timer_lateness_seconds_max\\{[^}]*} (7\\.|[89]\\.|[1-9][0-9])");

        assertThat(http.withBasicAuth("tianjing", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String audit = http.withBasicAuth("admin", "admin").getForObject("/actuator/auditevents?principal=sunhao",
                String.class);
        assertThat(audit).contains("LOGIN_REFUSED", "BadCredentialsException");
        assertThat(jdbc.sql("SELECT data FROM ops_audit_event WHERE principal = 'tianjing' AND type = 'ACCESS_DENIED'")
                .query(String.class).list()).anyMatch(d -> d.contains("/actuator/prometheus"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ops_audit_event WHERE principal = 'anonymousUser'").query(Integer.class)
                .single()).isZero();
        assertThat(caseNumber).startsWith("吉首");
    }
}
