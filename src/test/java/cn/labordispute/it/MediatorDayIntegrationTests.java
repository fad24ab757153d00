package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.DeadlinesProperties;
import cn.labordispute.deadlines.StatutoryPeriods;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A mediator's day through the engine REST API, the calls the Tasklist makes: the task cards name their case (and
 * only her organisation's), every form carries the case it decides and this step's deadline in words, a period
 * changed in the table shows in the next form, and the mediator who accepts a case keeps its next step.
 */
@StaffApiTest
class MediatorDayIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    StatutoryPeriods periods;
    @Autowired
    DeadlinesProperties properties;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String open(int employer) {
        ResponseEntity<Map<String, Object>> opened = new StaffClient(http, "wangfang", "demo")
                .openCase(Applications.againstOwnEmployer(Applications.mediation("yuzhong"), employer));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    private String acceptanceTask(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult().getId();
    }

    /** 本组待认领 as the Tasklist lists it (HAL, with the filter's card variables). */
    @SuppressWarnings("unchecked")
    private String groupList(String user) {
        TestRestTemplate as = http.withBasicAuth(user, "demo");
        List<Map<String, Object>> filters = as.getForObject("/engine-rest/filter?name={n}", List.class, "本组待认领");
        assertThat(filters).hasSize(1);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> list = as.exchange("/engine-rest/filter/{id}/list?firstResult=0&maxResults=200",
                HttpMethod.POST, new HttpEntity<>("{}", headers), String.class, filters.get(0).get("id"));
        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
        return list.getBody();
    }

    @Test
    void theCardsNameTheirCaseForItsOrganisationAndShowAnotherOrganisationNothing() {
        String caseNumber = open(801);
        String mine = groupList("wangfang");
        assertThat(mine).contains(caseNumber, "刘小雨等2人", "重庆星光文化传媒有限公司", "10,200.50 元", "农民工");
        String other = groupList("lixiaoyun");
        assertThat(other).doesNotContain(caseNumber);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("mediation").singleResult().getId();
        assertThat(http.withBasicAuth("lixiaoyun", "demo")
                .getForObject("/engine-rest/variable-instance?processInstanceIdIn=" + instance, List.class)).isEmpty();
        assertThat(http.withBasicAuth("wangfang", "demo")
                .getForObject("/engine-rest/variable-instance?processInstanceIdIn=" + instance, List.class)).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFormCarriesTheCaseAndThisStepsDeadlineInWords() {
        String caseNumber = open(802);
        Map<String, Map<String, Object>> variables = http.withBasicAuth("wangfang", "demo")
                .getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false", Map.class, acceptanceTask(caseNumber));
        String summary = (String) variables.get("caseSummary").get("value");
        assertThat(summary).contains(caseNumber, "刘小雨", "5001\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*1232", "重庆星光文化传媒有限公司",
                "经济补偿", "4,000.00 元", "拖欠工资", "6,200.50 元", "两名网络主播", "本步骤办理期限", "3个工作日",
                "调解组织收到调解申请之日");
        assertThat(summary).doesNotContain("500103199001011232", "MEDIATION_ACCEPTANCE")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(String.valueOf(variables.get("periods").get("value"))).contains("\"MEDIATION_LIMIT\":\"15日\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPeriodChangedInTheTableShowsInTheNextFormWithoutEditingIt() throws Exception {
        byte[] shipped = properties.periods().getInputStream().readAllBytes();
        String changed = new String(shipped, StandardCharsets.UTF_8).replace("MEDIATION_LIMIT,调解期限,15,DAYS", "MEDIATION_LIMIT,调解期限,20,DAYS");
        try {
            periods.reload(new ByteArrayResource(changed.getBytes(StandardCharsets.UTF_8), "statutory-periods.csv"));
            String caseNumber = open(803);
            Map<String, Map<String, Object>> variables = http.withBasicAuth("wangfang", "demo")
                    .getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false", Map.class, acceptanceTask(caseNumber));
            assertThat(String.valueOf(variables.get("periods").get("value"))).contains("\"MEDIATION_LIMIT\":\"20日\"");
        } finally {
            periods.reload(new ByteArrayResource(shipped, "statutory-periods.csv"));
        }
    }

    @Test
    void theMediatorWhoAcceptsTheCaseKeepsItsNextStep() {
        String caseNumber = open(804);
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        wangfang.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ScheduleMediationSession").singleResult().getAssignee()).isEqualTo("wangfang");
    }

    @Test
    void aRefusedFormSaysInChineseWhatIsWrongWithoutTheTasksIdOrTheFieldsKey() {
        String caseNumber = open(805);
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        wangfang.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        wangfang.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", "2026-12-10T09:30:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "渝中区劳动争议调解中心", "sessionParticipants", "双方当事人");
        wangfang.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "AGREEMENT",
                "sessionRecord", "双方同意分两期支付");
        String task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DraftMediationAgreement").singleResult().getId();
        ResponseEntity<String> refused = wangfang.tryClaimAndComplete(caseNumber, "Task_DraftMediationAgreement",
                "agreementItems", "支付工资及补偿", "agreedAmount", 6000.0, "paymentDueDate", "2026-12-15",
                "firstPaymentAmount", 2000.0, "secondPaymentDate", "2027-01-15", "secondPaymentAmount", 3000.0,
                "consolidation", "NONE");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"message\"", "协议总金额应等于各期金额之和").doesNotContain(task, "Cannot submit", "Cannot complete");
        assertThat(refused.getBody()).as("the field the Tasklist marks").contains("\"field\":\"agreedAmount\"");
        assertThat(refused.getBody().replaceAll(".*\"message\":\"([^\"]*)\".*", "$1")).doesNotContainPattern("[A-Za-z]{4,}");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVideoSessionsLinkIsTheSameOnTheNextStepTheNoticeTheCaseViewAndEachPartysMessage() {
        String caseNumber = open(806);
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        wangfang.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        String schedule = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ScheduleMediationSession").singleResult().getId();
        Map<String, Map<String, Object>> prefilled = http.withBasicAuth("wangfang", "demo")
                .getForObject("/engine-rest/task/{id}/form-variables", Map.class, schedule);
        assertThat((String) prefilled.get("sessionParticipants").get("value"))
                .contains("刘小雨", "陈思思", "重庆星光文化传媒有限公司", "王芳");
        wangfang.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", "2026-12-10T09:30:00",
                "sessionMode", "ONLINE", "sessionParticipants", "双方当事人");

        String record = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_RecordMediationSession").singleResult().getId();
        Map<String, Map<String, Object>> onTheStep = http.withBasicAuth("wangfang", "demo")
                .getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false", Map.class, record);
        String link = (String) onTheStep.get("sessionLink").get("value");
        assertThat(link).matches("https://meet\\.jit\\.si/tiaojie-yuzhong-[a-z2-9]{12}");
        assertThat(String.valueOf(onTheStep.get("words").get("value"))).contains("2026年12月10日 09:30", "线上视频调解");

        Map<String, Object> notice = wangfang.documents(caseNumber).stream()
                .filter(d -> "MEDIATION_SESSION_NOTICE".equals(d.get("kind"))).findFirst().orElseThrow();
        String html = wangfang.get((String) notice.get("html"), String.class).getBody();
        assertThat(html).contains(link, "2026年12月10日 09:30");
        Map<String, Object> session = (Map<String, Object>) wangfang.getCase(caseNumber).getBody().get("session");
        assertThat(session).containsEntry("link", link).containsEntry("modeLabel", "线上视频调解");
        List<String> messages = jdbc.sql("SELECT n.text FROM pt_notification n JOIN dc_case c ON c.id = n.case_id "
                + "WHERE c.case_number = ? AND n.kind = 'SESSION_SCHEDULED'").param(caseNumber).query(String.class).list();
        assertThat(messages).as("each number once: the two workers gave the same one, the employer its own").hasSize(2)
                .allSatisfy(text -> assertThat(text).contains(link, "2026年12月10日 09:30"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEscalationSaysWhetherTheLateStepIsStillOpenAndWhoHoldsIt() {
        String caseNumber = open(807);
        String late = acceptanceTask(caseNumber);
        tasks.claim(late, "wangfang");
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("caseNumber", caseNumber,
                "organisation", "yuzhong", "overdueTaskId", late, "overdueTaskName", "受理审查",
                "overduePeriod", "调解受理审查期限，3个工作日", "overdueSource", "规定", "overdueDueDate", "2026-12-01"));
        runtime.startProcessInstanceByKey("deadline_escalation", caseNumber, variables);
        String escalation = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_HandleOverdue").singleResult().getId();
        Map<String, Map<String, Object>> form = http.withBasicAuth("liuyang", "demo")
                .getForObject("/engine-rest/task/{id}/form-variables?deserializeValues=false", Map.class, escalation);
        assertThat(String.valueOf(form.get("words").get("value"))).contains("仍在办理，承办人：王芳", "2026年12月1日");
    }
}
