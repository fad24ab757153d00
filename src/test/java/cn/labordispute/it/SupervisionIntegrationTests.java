package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The overdue board: the counts equal the database, each supervisor sees their own organisation, a mediator their own tasks. */
@StaffApiTest
class SupervisionIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate http;
    @Autowired
    IntakeService intake;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    cn.labordispute.deadlines.Deadlines deadlines;

    String yuzhongCase;
    String jishouCase;
    RestTemplate browser;

    @BeforeEach
    void casesWithOverdueAcceptance() {
        browser = Browsers.client(http.getRootUri());
        ClockUtil.setCurrentTime(at(2026, 9, 24, 9));
        yuzhongCase = open("yuzhong", "500103199511204560");
        open("yuzhong", "500103198808085676");
        jishouCase = open("jishou", "433101198001016786");
        ClockUtil.setCurrentTime(at(2026, 10, 9, 10));
        management.executeJob(management.createJobQuery().processDefinitionKey("deadline_monitor").timers()
                .singleResult().getId());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static Date at(int y, int m, int d, int h) {
        return Date.from(LocalDateTime.of(y, m, d, h, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private String open(String org, String workerId) {
        return intake.open(new CaseApplication(org, "MEDIATION", "拖欠工资", null,
                List.of(new CaseApplication.Worker("劳动者", "RESIDENT_ID", workerId, null, null, true)),
                new CaseApplication.Employer("某公司", "91500103MA5UK2LT71", null, null),
                List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, new BigDecimal("1000.00")))));
    }

    private long overdueInDatabase(String org) {
        return jdbc.sql("SELECT COUNT(*) FROM dc_case_deadline d JOIN dc_case c ON c.id = d.case_id "
                + "WHERE d.state = 'OVERDUE' AND c.org_code = ?").param(org).query(Long.class).single();
    }

    @Test
    void statisticsPageShowsADashForFiguresThatCannotBeComputedAndIsForSupervisorsOnly() {
        HttpHeaders supervisor = new HttpHeaders();
        supervisor.add(HttpHeaders.COOKIE, login("liuyang"));
        ResponseEntity<String> empty = browser.exchange("/supervision/statistics?from=2001-01-01&to=2001-03-31",
                HttpMethod.GET, new HttpEntity<>(supervisor), String.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(empty.getBody()).contains("id=\"stat-opened\">0<", "id=\"stat-success\">—<", "id=\"chart-months\"")
                .doesNotContain("FreeMarker");

        HttpHeaders mediator = new HttpHeaders();
        mediator.add(HttpHeaders.COOKIE, login("zhanglei"));
        ResponseEntity<String> refused = browser.exchange("/supervision/statistics", HttpMethod.GET,
                new HttpEntity<>(mediator), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("统计仅对主管开放").doesNotContain("stat-opened");
    }

    /** Logs in through the login form as a browser would and returns the session cookie. */
    private String login(String user) {
        ResponseEntity<String> answer = Browsers.login(browser, user, null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answer.getHeaders().getLocation().getPath()).isEqualTo("/supervision");
        return answer.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    /** The session's CSRF token, as the board page carries it in its forms. */
    private String csrfOf(String cookie) {
        Matcher csrf = CSRF.matcher(page(cookie));
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private String page(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> answer = browser.exchange("/supervision", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static long count(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theBoardListsOverdueStepsLongestOverdueFirstThenSoonDueOnesByDueDate() {
        String soonDue = open("yuzhong", "500103199001011232");
        String overdueLater = open("yuzhong", "500103198506122347");
        String overdueEarlier = open("yuzhong", "43310119920315345X");
        setDeadline(soonDue, "SOON_DUE", LocalDateTime.of(2026, 10, 12, 18, 0));
        setDeadline(overdueLater, "OVERDUE", LocalDateTime.of(2026, 9, 1, 18, 0));
        setDeadline(overdueEarlier, "OVERDUE", LocalDateTime.of(2026, 8, 31, 18, 0));

        String html = page(login("liuyang"));
        String urgent = html.substring(html.indexOf("id=\"urgent\""), html.indexOf("</table>", html.indexOf("id=\"urgent\"")));
        int earlier = urgent.indexOf(overdueEarlier + "</a>");
        int later = urgent.indexOf(overdueLater + "</a>");
        int soon = urgent.indexOf(soonDue + "</a>");
        assertThat(earlier).as("the longest overdue first").isPositive().isLessThan(later);
        assertThat(later).as("every overdue step before the soon-due ones").isLessThan(soon);
        assertThat(urgent.lastIndexOf("已超期")).isLessThan(urgent.indexOf("即将到期</span>"));
    }

    /** Moves a case's watched acceptance deadline to the given state and last moment (China's time). */
    private void setDeadline(String caseNumber, String state, LocalDateTime due) {
        assertThat(jdbc.sql("UPDATE dc_case_deadline SET state = ?, due_at = ? WHERE case_id = "
                + "(SELECT id FROM dc_case WHERE case_number = ?)").params(state, java.sql.Timestamp.valueOf(due), caseNumber)
                .update()).isEqualTo(1);
    }

    @Test
    void supervisorSeesTheOverdueCountTheDatabaseHoldsForTheirOrganisationOnly() {
        String html = page(login("liuyang"));

        assertThat(overdueInDatabase("yuzhong")).isGreaterThanOrEqualTo(2);
        assertThat(count(html, "count-overdue")).isEqualTo(overdueInDatabase("yuzhong"));
        assertThat(html).contains(yuzhongCase).doesNotContain(jishouCase)
                .contains("受理审查").contains("调解受理审查期限（3个工作日）").contains("企业劳动争议协商调解规定")
                .doesNotContain("MEDIATION_ACCEPTANCE");
        // due Wed 30 Sep; by Fri 9 Oct the working days after it are 8 and 9 Oct (国庆 1-7 Oct): 2
        assertThat(html).containsPattern("<td class=\"num\">2</td>\\s*<td>重庆市渝中区");
        // every open 超期督办 of the organisation, as the engine counts them (the list shows the longest waiting)
        assertThat(count(html, "count-escalations")).isGreaterThanOrEqualTo(2).isEqualTo(tasks.createTaskQuery()
                .processDefinitionKey("deadline_escalation").tenantIdIn("yuzhong").count());

        String jishou = page(login("tianjing"));
        assertThat(count(jishou, "count-overdue")).isEqualTo(overdueInDatabase("jishou"));
        assertThat(jishou).contains(jishouCase).doesNotContain(yuzhongCase);

        String city = page(login("hemei"));
        assertThat(count(city, "count-overdue")).isEqualTo(overdueInDatabase("yuzhong") + overdueInDatabase("jishou"));
        assertThat(count(city, "count-escalations")).isEqualTo(tasks.createTaskQuery()
                .processDefinitionKey("deadline_escalation").count());
    }

    @Test
    void mediatorSeesOnlyTheirOwnTasks() {
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(yuzhongCase)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult().getId();
        tasks.claim(taskId, "zhanglei");

        String html = page(login("zhanglei"));

        long mine = jdbc.sql("SELECT COUNT(*) FROM dc_case_deadline d JOIN ACT_RU_TASK t ON t.ID_ = d.task_id "
                + "WHERE d.state = 'OVERDUE' AND t.ASSIGNEE_ = 'zhanglei'").query(Long.class).single();
        assertThat(mine).isGreaterThanOrEqualTo(1);
        assertThat(count(html, "count-overdue")).isEqualTo(mine);
        assertThat(html).contains(yuzhongCase).contains("我的期限").doesNotContain("count-escalations")
                .doesNotContain(jishouCase);
    }

    @Test
    void pagesNeedALoginAndTheLoginFormNeedsItsToken() {
        ResponseEntity<String> anonymous = browser.getForEntity("/supervision", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation().toString()).contains("/login?next=%2Fsupervision");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", "liuyang");
        fields.add("password", "demo");
        fields.add("_csrf", "forged");
        ResponseEntity<String> forged = browser.postForEntity("/login", new HttpEntity<>(fields, headers), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(forged.getHeaders().getLocation().toString()).endsWith("/login?expired");
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, forged.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        assertThat(browser.exchange("/supervision", HttpMethod.GET, new HttpEntity<>(session), String.class)
                .getStatusCode()).as("no one was logged in").isEqualTo(HttpStatus.FOUND);
        assertThat(browser.getForEntity(forged.getHeaders().getLocation(), String.class).getBody()).contains("页面已过期");
    }

    private ResponseEntity<String> act(String cookie, String csrf, List<String> taskIds, String assignee, String note) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        taskIds.forEach(id -> fields.add("taskId", id));
        if (assignee != null) {
            fields.add("assignee", assignee);
        }
        fields.add("note", note);
        fields.add("_csrf", csrf);
        return browser.postForEntity("/supervision/reassign", new HttpEntity<>(fields, headers), String.class);
    }

    private String acceptanceTask(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult().getId();
    }

    private List<String> timeline(String caseNumber, String kind) {
        return jdbc.sql("SELECT e.detail FROM dc_case_event e JOIN dc_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.kind = ?").params(caseNumber, kind).query(String.class).list();
    }

    @Test
    void supervisorReassignsOverdueTasksAndTheCaseRecordsIt() {
        String cookie = login("liuyang");
        String task = acceptanceTask(yuzhongCase);

        ResponseEntity<String> done = act(cookie, csrfOf(cookie), List.of(task), "zhanglei", "请今日办结");

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("zhanglei");
        assertThat(tasks.getTaskComments(task)).anyMatch(c -> c.getFullMessage().equals("主管刘洋改派给张磊：请今日办结"));
        assertThat(timeline(yuzhongCase, "REASSIGNED")).containsExactly("受理审查：主管刘洋改派给张磊：请今日办结");
        assertThat(page(cookie)).contains("张磊");
        // the audit log: who reassigned what, and the login that did it
        assertThat(jdbc.sql("SELECT data FROM ops_audit_event WHERE principal = 'liuyang' AND type = 'REASSIGNED'")
                .query(String.class).list()).filteredOn(d -> d.contains(yuzhongCase)).singleElement().asString()
                .contains("\"assignee\":\"zhanglei\"", "请今日办结");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ops_audit_event WHERE principal = 'liuyang' AND type = 'LOGIN'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void reassigningToSomeoneWhoIsNotACandidateChangesNothing() {
        String cookie = login("liuyang");
        String task = acceptanceTask(yuzhongCase);

        ResponseEntity<String> refused = act(cookie, csrfOf(cookie), List.of(task), "lixiaoyun", "");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("李晓云不是任务“受理审查”的候选办理人").contains("assignee");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(timeline(yuzhongCase, "REASSIGNED")).isEmpty();
    }

    @Test
    void anotherOrganisationsSupervisorCannotTouchTheTaskNorCanAForgedForm() {
        String jishou = login("tianjing");
        String task = acceptanceTask(yuzhongCase);

        ResponseEntity<String> refused = act(jishou, csrfOf(jishou), List.of(task), "lixiaoyun", "");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("不属于您督办的组织");

        ResponseEntity<String> forged = act(login("liuyang"), "forged", List.of(task), "zhanglei", "");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void caseViewShowsWhereTheCaseStandsWithIdentityNumbersMasked() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, login("liuyang"));
        ResponseEntity<String> answer = browser.exchange("/supervision/cases/{n}", HttpMethod.GET,
                new HttpEntity<>(headers), String.class, yuzhongCase);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains(yuzhongCase).contains("\"CallActivity_Mediation\"")
                .contains("\"Task_DecideMediationAcceptance\"").contains("5001**********4560")
                .doesNotContain("500103199511204560").contains("已超期");

        HttpHeaders other = new HttpHeaders();
        other.add(HttpHeaders.COOKIE, login("tianjing"));
        assertThat(browser.exchange("/supervision/cases/{n}", HttpMethod.GET, new HttpEntity<>(other), String.class,
                yuzhongCase).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void supervisorDecidesAnAwardExtensionFromTheBoardThroughTheProcessWithinTheCap() {
        String arbitration = intake.open(new CaseApplication("yuzhong", "ARBITRATION", "违法解除", null,
                List.of(new CaseApplication.Worker("劳动者", "RESIDENT_ID", "500103199001011232", null, null, true)),
                new CaseApplication.Employer("某公司", "91500103MA5UK2LT71", null, null),
                List.of(new CaseApplication.ClaimItem("TERM_UNLAWFUL", null, new BigDecimal("36000.00")))));
        StaffClient arbitrator = new StaffClient(http, "zhaomin", "demo");
        arbitrator.claimAndComplete(arbitration, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        arbitrator.claimAndComplete(arbitration, "Task_ServeApplicationCopy", "respondentServedOn", "2026-10-12",
                "tribunal", "SOLE", "tribunalNotifiedOn", "2026-10-12");
        arbitrator.claimAndComplete(arbitration, "Task_RecordDefence", "defenceReceived", true,
                "defenceSummary", "不同意", "defenceServedOn", "2026-10-15");
        arbitrator.claimAndComplete(arbitration, "Task_ScheduleHearing", "hearingAt",
                cn.labordispute.calendar.EngineTime.today().plusDays(7) + "T09:30", "hearingPlace", "第一仲裁庭",
                "presidingArbitrator", "赵敏");
        arbitrator.claimAndComplete(arbitration, "Task_HoldHearing", "hearingHeldOn", "2026-10-20",
                "hearingRecord", "开庭审理", "mediatedBeforeAward", false);
        arbitrator.claimAndComplete(arbitration, "Task_IssueAward", "requestExtension", true,
                "extensionReason", "需待工伤等级鉴定结论");
        Date dueBefore = awardTaskDue(arbitration);
        assertThat(dueBefore).isNull(); // the award task waits behind the approval

        String cookie = login("liuyang");
        assertThat(page(cookie)).contains("待审批的延长审理期限申请").contains(arbitration).contains("需待工伤等级鉴定结论");
        String approval = tasks.createTaskQuery().processInstanceBusinessKey(arbitration)
                .taskDefinitionKey("Task_ApproveAwardExtension").singleResult().getId();

        ResponseEntity<String> overCap = decide(cookie, approval, "true", "20");
        assertThat(overCap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overCap.getBody()).contains("批准延长的日数须为1至15日").doesNotContain("（days）");
        ResponseEntity<String> otherOrganisation = decide(login("tianjing"), approval, "true", "10");
        assertThat(otherOrganisation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherOrganisation.getBody()).contains("不属于您督办的组织");
        assertThat(tasks.createTaskQuery().taskId(approval).singleResult()).as("nothing changed").isNotNull();

        ResponseEntity<String> approved = decide(cookie, approval, "true", "10");
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(approved.getHeaders().getLocation().toString()).endsWith("/supervision?extension=approved");
        // the process recorded it: accepted on the engine day, 45 + 10 days, the award task back with the later due date
        java.time.LocalDate accepted = java.time.LocalDate.parse((String) runtime.getVariable(
                tasks.createTaskQuery().processInstanceBusinessKey(arbitration).taskDefinitionKey("Task_IssueAward")
                        .singleResult().getExecutionId(), "arbitrationAcceptedOn"));
        assertThat(awardTaskDue(arbitration)).isEqualTo(deadlines.due("ARBITRATION_AWARD", accepted,
                deadlines.compute("ARBITRATION_AWARD", accepted, 10).due()));
        assertThat(timeline(arbitration, "EXTENSION_APPROVED")).containsExactly("主管 liuyang 批准延长审理期限 10 日");
        assertThat(page(cookie)).doesNotContain("需待工伤等级鉴定结论");
    }

    private Date awardTaskDue(String caseNumber) {
        var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_IssueAward").singleResult();
        return task == null ? null : task.getDueDate();
    }

    private ResponseEntity<String> decide(String cookie, String taskId, String approved, String days) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("taskId", taskId);
        fields.add("approved", approved);
        fields.add("days", days);
        fields.add("note", "");
        fields.add("_csrf", csrfOf(cookie));
        return browser.postForEntity("/supervision/extensions", new HttpEntity<>(fields, headers), String.class);
    }
}
