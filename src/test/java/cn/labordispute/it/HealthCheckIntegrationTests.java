package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 法治体检 through REST: a check registered for an enterprise, worked in the Tasklist's order (visit, analysis,
 * training), produces the report with its "four ones" and a warning letter, stored with their hash and printed as PDF;
 * bad input is named; another organisation sees nothing.
 */
@StaffApiTest
class HealthCheckIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHealthCheckProducesItsReportAndAWarningLetter() {
        ResponseEntity<Map<String, Object>> requested = http.withBasicAuth("wangfang", "demo").exchange(
                "/api/health-checks", HttpMethod.POST, new HttpEntity<>(Map.of("organisation", "yuzhong",
                        "employerName", "重庆渝建建筑劳务有限公司", "employerCreditCode", "91500103MA5UK2LT71",
                        "reason", "案件聚集风险化解后的回访体检")), MAP);
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) requested.getBody().get("checkNumber");
        assertThat(number).matches("渝中法治体检〔\\d{4}〕\\d{4}号");

        StaffClient mediator = new StaffClient(http, "wangfang", "demo");
        mediator.claimAndComplete(number, "Task_InspectEnterprise", "visitedOn", "2026-12-02", "checkedContracts", true,
                "checkedWages", true, "checkedSocialInsurance", true, "findings", "32名农民工未签书面劳动合同；工资按季度发放");
        mediator.claimAndComplete(number, "Task_AnalyseProblems", "problemAnalysis", "未签书面劳动合同须支付二倍工资（劳动合同法第八十二条）",
                "recommendations", "一、建立劳动合同管理台账；二、改为按月支付工资", "warningNeeded", true,
                "warningPoints", "三十日内与全部农民工补签书面劳动合同");
        mediator.claimAndComplete(number, "Task_PolicyTraining", "trainingOn", "2026-12-05", "trainingAttendees", 40,
                "trainingTopics", "劳动合同订立与工资支付");

        List<Map<String, Object>> documents = http.withBasicAuth("wangfang", "demo").exchange(
                "/api/health-checks/" + number + "/documents", HttpMethod.GET, null, LIST).getBody();
        assertThat(documents).extracting(d -> d.get("kind")).containsExactly("HEALTH_CHECK_REPORT", "WARNING_LETTER");
        String report = jdbc.sql("SELECT content FROM pv_document WHERE kind = 'HEALTH_CHECK_REPORT' AND id = ?")
                .param(((Number) documents.get(0).get("id")).longValue()).query(String.class).single();
        assertThat(report).contains("企业法治体检报告", number, "一、体检情况", "劳动合同订立与管理、工资支付、社会保险",
                "二、问题分析", "第八十二条", "三、法律处方", "建立劳动合同管理台账", "四、政策培训");
        ResponseEntity<byte[]> pdf = http.withBasicAuth("wangfang", "demo").getForEntity(
                "/api/health-checks/" + number + "/documents/" + documents.get(1).get("id") + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 4)).isEqualTo("%PDF");
        assertThat(http.withBasicAuth("wangfang", "demo").exchange("/api/health-checks", HttpMethod.GET, null, LIST)
                .getBody()).anySatisfy(c -> assertThat(c).containsEntry("checkNumber", number).containsEntry("status", "DONE"));

        assertThat(http.withBasicAuth("lixiaoyun", "demo").exchange("/api/health-checks/" + number + "/documents",
                HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadRequestIsNamedFieldByField() {
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("wangfang", "demo").exchange(
                "/api/health-checks", HttpMethod.POST, new HttpEntity<>(Map.of("organisation", "yuzhong",
                        "employerCreditCode", "91500103MA5UK2LT72")), MAP);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("field=employerName", "field=employerCreditCode", "field=reason");
        assertThat(http.withBasicAuth("wangfang", "demo").exchange("/api/health-checks", HttpMethod.POST,
                new HttpEntity<>(Map.of("organisation", "jishou")), MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
