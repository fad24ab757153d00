package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.DeadlineRecords;
import cn.labordispute.deadlines.WatchedDeadline;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every task deadline is watched: a warning before it runs out, an escalation to the supervisor when it is breached,
 * the case's timeline and the task's comments record both. Time moves with ClockUtil; the monitor's timer job is
 * executed as the job executor would.
 */
@StaffApiTest
class DeadlineWatchIntegrationTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    IntakeService intake;
    @Autowired
    DeadlineRecords records;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void thursdayBeforeTheHolidays() {
        setClock(2026, 9, 24, 9);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void setClock(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(CHINA).toInstant()));
    }

    private String open(String procedure) {
        return intake.open(new CaseApplication("yuzhong", procedure, "拖欠工资", null,
                List.of(new CaseApplication.Worker("王建国", "RESIDENT_ID", "500103199511204560", null, null, true)),
                new CaseApplication.Employer("重庆渝建建筑劳务有限公司", "91500103MA5UK2LT71", null, null),
                List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, new BigDecimal("8600.00")))));
    }

    /** Runs the deadline monitor the way the job executor does: its timer job from deadline-monitor.bpmn. */
    private void runMonitor() {
        Job job = management.createJobQuery().processDefinitionKey("deadline_monitor").timers().singleResult();
        management.executeJob(job.getId());
    }

    private WatchedDeadline watched(String caseNumber, String taskKey) {
        return records.forCase(caseNumber).stream().filter(d -> d.taskKey().equals(taskKey)).findFirst().orElseThrow();
    }

    private List<String> events(String caseNumber, String kind) {
        return jdbc.sql("SELECT e.detail FROM dc_case_event e JOIN dc_case c ON c.id = e.case_id "
                        + "WHERE c.case_number = ? AND e.kind = ? ORDER BY e.id")
                .params(caseNumber, kind).query(String.class).list();
    }

    private List<String> comments(String taskId) {
        return tasks.getTaskComments(taskId).stream().map(Comment::getFullMessage).toList();
    }

    @Test
    void warnsTwoWorkingDaysBeforeAndEscalatesAtBreach() {
        String caseNumber = open("MEDIATION");
        Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        WatchedDeadline d = watched(caseNumber, "Task_DecideMediationAcceptance");
        assertThat(d.period()).isEqualTo("MEDIATION_ACCEPTANCE");
        assertThat(d.state()).isEqualTo(WatchedDeadline.OPEN);
        assertThat(LocalDate.ofInstant(d.dueAt(), CHINA)).isEqualTo(LocalDate.of(2026, 9, 30));
        // two working days before Wed 30 Sep: Mon 28 Sep (the 中秋 weekend 25-27 Sep does not count)
        assertThat(LocalDateTime.ofInstant(d.warnAt(), CHINA)).isEqualTo(LocalDateTime.of(2026, 9, 28, 0, 0));

        setClock(2026, 9, 27, 18);
        runMonitor();
        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.OPEN);

        setClock(2026, 9, 28, 8);
        runMonitor();
        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.SOON_DUE);
        assertThat(comments(acceptance.getId())).anyMatch(c -> c.startsWith("期限将至：受理审查（调解受理审查期限，3个工作日）应于 2026年9月30日"));
        assertThat(events(caseNumber, "SOON_DUE")).hasSize(1);

        setClock(2026, 10, 1, 0);
        runMonitor();
        WatchedDeadline breached = watched(caseNumber, "Task_DecideMediationAcceptance");
        assertThat(breached.state()).isEqualTo(WatchedDeadline.OVERDUE);
        assertThat(breached.breachedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(events(caseNumber, "OVERDUE")).singleElement().asString().contains("已超期：受理审查");
        Task escalation = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_HandleOverdue").singleResult();
        assertThat(escalation).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(escalation.getId())).extracting(l -> l.getGroupId())
                .containsExactly("supervisor-yuzhong");
        assertThat(tasks.getVariable(escalation.getId(), "overdueSource")).asString().contains("企业劳动争议协商调解规定");

        runMonitor();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_HandleOverdue")
                .count()).as("a second sweep escalates nothing twice").isEqualTo(1);

        StaffClient supervisor = new StaffClient(http, "liuyang", "demo");
        supervisor.claimAndComplete(caseNumber, "Task_HandleOverdue", "escalationAction", "REMINDED",
                "escalationNote", "已督促调解员当日办结");
        assertThat(events(caseNumber, "ESCALATION_HANDLED")).containsExactly("超期督办：已督促调解员当日办结");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("deadline_escalation").finished().count()).isEqualTo(1);

        tasks.complete(acceptance.getId(), Map.of("withinScope", true, "otherPartyConsents", true));
        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.MET_LATE);
        assertThat(watched(caseNumber, "Task_ScheduleMediationSession").state()).isEqualTo(WatchedDeadline.OPEN);
    }

    @Test
    void anEscalationClosesItselfWhenTheLateTaskIsDoneAndTheTimelineSaysByWhom() {
        String caseNumber = open("MEDIATION");
        setClock(2026, 10, 1, 0);
        runMonitor();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_HandleOverdue")
                .count()).isEqualTo(1);

        setClock(2026, 10, 8, 10);
        new StaffClient(http, "wangfang", "demo").claimAndComplete(caseNumber, "Task_DecideMediationAcceptance",
                "withinScope", true, "otherPartyConsents", true);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_HandleOverdue")
                .count()).as("no escalation left open").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_EscalationClosedByItself")
                .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                        .processDefinitionKey("deadline_escalation").singleResult().getId()).count()).isEqualTo(1);
        assertThat(events(caseNumber, "ESCALATION_CLOSED")).singleElement().asString()
                .contains("受理审查", "2026年10月8日 10:00", "王芳", "自动关闭");
        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.MET_LATE);
    }

    @Test
    void lateEscalationIsOverdueButDoesNotEscalateAgain() {
        String caseNumber = open("MEDIATION");
        setClock(2026, 10, 1, 0);
        runMonitor();
        // the escalation is due 3 working days after 1 Oct: 8, 9 and Sat 10 Oct (调休)
        assertThat(LocalDate.ofInstant(watched(caseNumber, "Task_HandleOverdue").dueAt(), CHINA))
                .isEqualTo(LocalDate.of(2026, 10, 10));

        setClock(2026, 10, 12, 9);
        runMonitor();

        assertThat(watched(caseNumber, "Task_HandleOverdue").state()).isEqualTo(WatchedDeadline.OVERDUE);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_HandleOverdue")
                .count()).isEqualTo(1);
    }

    @Test
    void taskCompletedInTimeIsMetAndNeverWarned() {
        String caseNumber = open("MEDIATION");
        Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        tasks.complete(acceptance.getId(), Map.of("withinScope", true, "otherPartyConsents", true));

        setClock(2026, 9, 29, 9);
        runMonitor();
        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.MET);
        // only the next step, scheduling the session (3 working days, due 30 Sep), is warned about
        assertThat(events(caseNumber, "SOON_DUE")).singleElement().asString().startsWith("期限将至：安排调解会谈");
    }

    @Test
    void deadlineBeyondThePublishedHolidaysIsFlaggedForReview() {
        setClock(2026, 12, 28, 9);
        String caseNumber = open("NEGOTIATION");
        Task response = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();

        WatchedDeadline d = watched(caseNumber, "Task_RecordNegotiationResponse");
        // 5 days from Mon 28 Dec 2026 end on Sat 2 Jan 2027: counted with weekends only, Mon 4 Jan 2027
        assertThat(LocalDate.ofInstant(d.dueAt(), CHINA)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(d.needsReview()).isTrue();
        assertThat(tasks.getVariableLocal(response.getId(), "deadlineNeedsReview")).isEqualTo(true);
        assertThat(comments(response.getId())).anyMatch(c -> c.contains("需人工核对"));
    }

    @Test
    void withdrawnCaseCancelsItsDeadlines() {
        String caseNumber = open("MEDIATION");
        new StaffClient(http, "wangfang", "demo").post(caseNumber, "/withdrawal", Map.of("reason", "和解"));

        assertThat(watched(caseNumber, "Task_DecideMediationAcceptance").state()).isEqualTo(WatchedDeadline.CANCELLED);
        assertThat(watched(caseNumber, "Task_ReturnVisit").state()).isEqualTo(WatchedDeadline.OPEN);
    }

    @Test
    void staffCanCheckTheArithmetic() {
        StaffClient mediator = new StaffClient(http, "wangfang", "demo");
        ResponseEntity<Map> answer = http.withBasicAuth("wangfang", "demo")
                .getForEntity("/api/deadlines?period=ARBITRATION_ACCEPTANCE&from=2026-09-26", Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("due", "2026-10-08").containsEntry("label", "5日");
        assertThat((List<?>) answer.getBody().get("skipped")).hasSize(7);
        assertThat(answer.getBody().get("source")).asString().contains("第二十九条");

        ResponseEntity<Map> bad = http.withBasicAuth("wangfang", "demo")
                .getForEntity("/api/deadlines?period=NOPE&from=26-09-2026", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("field=period").contains("field=from");

        String caseNumber = (String) mediator.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");
        ResponseEntity<List> watchedDeadlines = http.withBasicAuth("wangfang", "demo")
                .getForEntity("/api/cases/{n}/deadlines", List.class, caseNumber);
        assertThat(watchedDeadlines.getBody()).hasSize(1);
        assertThat(http.withBasicAuth("lixiaoyun", "demo").getForEntity("/api/cases/{n}/deadlines", Map.class, caseNumber)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
