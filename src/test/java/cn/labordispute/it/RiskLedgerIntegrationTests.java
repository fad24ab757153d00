package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The risk ledger through REST: a risk reported by staff is numbered, graded by the decision table and followed up to
 * its end; bad input is named; intake raises a risk by itself for a collective case and for the third open case against
 * one employer within the window, once; a supervisor of another organisation does not see the ledger's rows.
 */
@StaffApiTest
class RiskLedgerIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static Map<String, Object> risk(String creditCode, int workers, double amount, boolean petition) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("organisation", "yuzhong");
        r.put("employerName", "重庆某建筑劳务有限公司");
        r.put("employerCreditCode", creditCode);
        r.put("source", "WAGE_ARREARS");
        r.put("affectedGroups", List.of("MIGRANT"));
        r.put("workers", workers);
        r.put("amount", amount);
        r.put("petitionRisk", petition);
        r.put("description", "工地停工，农民工反映两个月工资未发");
        return r;
    }

    private ResponseEntity<Map<String, Object>> report(String user, Map<String, Object> risk) {
        return http.withBasicAuth(user, "demo").exchange("/api/risks", HttpMethod.POST, new HttpEntity<>(risk), MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> riskOf(ResponseEntity<Map<String, Object>> answer) {
        return (Map<String, Object>) answer.getBody().get("risk");
    }

    @Test
    void aReportedRiskIsNumberedGradedAndFollowedUpToItsEnd() {
        ResponseEntity<Map<String, Object>> reported = report("liuyang", risk("91500103MA5UR1XK0E", 12, 96000, false));
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) reported.getBody().get("riskNumber");
        assertThat(number).matches("渝中风险〔\\d{4}〕\\d{4}号");
        assertThat(riskOf(reported)).containsEntry("level", "SIGNIFICANT").containsEntry("category", "COLLECTIVE")
                .containsEntry("status", "OPEN").containsEntry("affectedGroups", "MIGRANT");

        StaffClient supervisor = new StaffClient(http, "liuyang", "demo");
        // an owner from another organisation is refused, and the plan is not saved
        ResponseEntity<String> refused = supervisor.tryClaimAndComplete(number, "Task_ResponsePlan", "responsePlan", "约谈",
                "riskOwner", "lixiaoyun", "followUpDueDate", "2099-01-01");
        assertThat(refused.getStatusCode().is4xxClientError() || refused.getStatusCode().is5xxServerError()).isTrue();
        assertThat(refused.getBody()).contains("不是本组织工作人员");
        supervisor.claimAndComplete(number, "Task_ResponsePlan", "responsePlan", "约谈单位，督促制定工资支付计划",
                "riskOwner", "wangfang", "followUpDueDate", "2099-01-01");
        StaffClient owner = new StaffClient(http, "wangfang", "demo");
        ResponseEntity<String> noCase = owner.tryClaimAndComplete(number, "Task_FollowUpRisk", "riskOutcome", "TO_CASE",
                "linkedCaseNumber", "渝中劳调〔2026〕99999号", "followUpNote", "已受理");
        assertThat(noCase.getBody()).contains("没有案号为");
        owner.claimAndComplete(number, "Task_FollowUpRisk", "riskOutcome", "CLOSED", "followUpNote", "单位已补发工资");

        Map<String, Object> closed = http.withBasicAuth("liuyang", "demo")
                .exchange("/api/risks/" + number, HttpMethod.GET, null, MAP).getBody();
        assertThat(closed).containsEntry("status", "CLOSED");
        assertThat(closed.get("closedAt")).isNotNull();
        // the other organisation's supervisor neither finds it nor lists it
        assertThat(http.withBasicAuth("tianjing", "demo").exchange("/api/risks/" + number, HttpMethod.GET, null, MAP)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("tianjing", "demo").exchange("/api/risks", HttpMethod.GET, null, LIST).getBody())
                .noneMatch(r -> number.equals(r.get("riskNumber")));
    }

    @Test
    void badReportsAreNamedFieldByField() {
        Map<String, Object> bad = risk("91500103MA5UR1XK0F", 0, -1, false);
        bad.put("source", "RUMOUR");
        bad.put("affectedGroups", List.of("STUDENTS"));
        ResponseEntity<Map<String, Object>> answer = report("liuyang", bad);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("field=employerCreditCode", "field=source", "field=workers",
                "field=amount", "field=affectedGroups");
        Map<String, Object> otherOrganisation = risk("91500103MA5UR1XK0E", 3, 100, false);
        otherOrganisation.put("organisation", "jishou");
        assertThat(report("liuyang", otherOrganisation).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void intakeRaisesARiskForACollectiveCaseAndForTheThirdOpenCaseAgainstAnEmployer() {
        StaffClient window = new StaffClient(http, "wangfang", "demo");
        String employer = "91500103MA5UR2XK0M";
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> application = Applications.mediation("yuzhong");
            Applications.employer(application).put("creditCode", employer);
            ResponseEntity<Map<String, Object>> opened = window.openCase(application);
            assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            numbers.add((String) opened.getBody().get("caseNumber"));
            List<Map<String, Object>> raised = risksFor(employer);
            assertThat(raised).as("after case " + (i + 1)).hasSize(i < 2 ? 0 : 1);
        }
        Map<String, Object> cluster = risksFor(employer).get(0);
        assertThat(cluster).containsEntry("source", "INTAKE_CLUSTER").containsEntry("caseNumber", numbers.get(2));
        assertThat((String) cluster.get("description")).contains("3 件");
        // it carries all three cases' workers (two each) and claims (10,200.50 each), not the last case's alone
        assertThat(((Number) cluster.get("workers")).intValue()).isEqualTo(6);
        assertThat(new java.math.BigDecimal(cluster.get("amount").toString())).isEqualByComparingTo("30601.50");
        Map<String, Object> fourth = Applications.mediation("yuzhong");
        Applications.employer(fourth).put("creditCode", employer);
        String joined = (String) window.openCase(fourth).getBody().get("caseNumber");
        assertThat(risksFor(employer)).as("one open cluster risk per employer").hasSize(1);
        Map<String, Object> grown = risksFor(employer).get(0);
        assertThat(((Number) grown.get("workers")).intValue()).as("kept up as cases join").isEqualTo(8);
        assertThat(new java.math.BigDecimal(grown.get("amount").toString())).isEqualByComparingTo("40802.00");
        assertThat((String) grown.get("description")).contains("4 件");
        assertThat(window.getCase(joined).getBody().get("timeline").toString()).contains("并入案件聚集风险");

        Map<String, Object> collective = Applications.mediation("yuzhong");
        Applications.employer(collective).put("creditCode", "91110115MA01ABCD2M");
        List<Map<String, Object>> workers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            workers.add(Applications.worker("工人" + i, residentId("50010319900101" + String.format("%03d", i))));
        }
        collective.put("workers", workers);
        ResponseEntity<Map<String, Object>> opened = window.openCase(collective);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(risksFor("91110115MA01ABCD2M")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("source", "COLLECTIVE_CASE").containsEntry("workers", 12)
                        .containsEntry("level", "SIGNIFICANT"));
        Map<String, Object> record = window.getCase((String) opened.getBody().get("caseNumber")).getBody();
        assertThat(record.toString()).contains("风险台账登记");
    }

    /** The 17 digits with their GB 11643 check character. */
    /**
     * A cluster risk is graded again as cases join: 3 cases of 2 workers (一般), a fourth of 6 → 12 workers (较大, the
     * same steps), a fifth of 18 → 30 workers (重大): the plan gives way to the first response and the city's report,
     * and the new case's timeline says so.
     */
    @Test
    void aClusterRiskIsGradedAgainAsCasesJoinAndBecomesMajor() {
        StaffClient window = new StaffClient(http, "wangfang", "demo");
        String employer = "91500103MA5UR3XK0W";
        for (int i = 0; i < 3; i++) {
            Map<String, Object> application = Applications.mediation("yuzhong");
            Applications.employer(application).put("creditCode", employer);
            assertThat(window.openCase(application).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        Map<String, Object> cluster = risksFor(employer).stream().filter(r -> "INTAKE_CLUSTER".equals(r.get("source")))
                .findFirst().orElseThrow();
        String number = (String) cluster.get("riskNumber");
        assertThat(cluster).containsEntry("level", "GENERAL");
        String instance = jdbc.sql("SELECT process_instance_id FROM pv_risk WHERE risk_number = ?").param(number)
                .query(String.class).single();
        assertThat(openSteps(instance)).containsExactly("Task_ResponsePlan");

        String fourth = openWith(window, employer, 6, 100);
        assertThat(level(number)).isEqualTo("SIGNIFICANT");
        assertThat(openSteps(instance)).containsExactly("Task_ResponsePlan");
        assertThat(window.getCase(fourth).getBody().get("timeline").toString()).contains(number + " 由一般升为较大");

        String fifth = openWith(window, employer, 18, 200);
        assertThat(level(number)).isEqualTo("MAJOR");
        assertThat(((Number) risksFor(employer).stream().filter(r -> number.equals(r.get("riskNumber"))).findFirst()
                .orElseThrow().get("workers")).intValue()).isEqualTo(30);
        assertThat(openSteps(instance)).containsExactlyInAnyOrder("Task_FirstResponse", "Task_ReportToCity");
        assertThat(window.getCase(fifth).getBody().get("timeline").toString()).contains(number + " 由较大升为重大");
    }

    private String openWith(StaffClient window, String employer, int workers, int firstId) {
        Map<String, Object> application = Applications.mediation("yuzhong");
        Applications.employer(application).put("creditCode", employer);
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            people.add(Applications.worker("工人" + (firstId + i), residentId("50010319910101" + (firstId + i))));
        }
        application.put("workers", people);
        ResponseEntity<Map<String, Object>> opened = window.openCase(application);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    private String level(String riskNumber) {
        return jdbc.sql("SELECT risk_level FROM pv_risk WHERE risk_number = ?").param(riskNumber).query(String.class)
                .single();
    }

    private List<String> openSteps(String processInstance) {
        return runtime.getActiveActivityIds(processInstance);
    }

    private static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private List<Map<String, Object>> risksFor(String creditCode) {
        return http.withBasicAuth("liuyang", "demo").exchange("/api/risks?status=OPEN", HttpMethod.GET, null, LIST)
                .getBody().stream().filter(r -> creditCode.equals(r.get("employerCreditCode"))).toList();
    }
}
