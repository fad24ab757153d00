package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * 风险台账 and 法治体检 registered through their pages: the grade shown before a risk is saved, bad input named in
 * Chinese with nothing stored, and what was saved listed.
 */
@StaffApiTest
class PreventionPagesIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRiskIsGradedBeforeItIsSavedAndBadInputIsNamed() {
        int before = count("pv_risk");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisation", "yuzhong");
        form.add("employerName", "重庆页面测试建设集团有限公司");
        form.add("employerCreditCode", Applications.creditCode(55));
        form.add("source", "PETITION");
        form.add("affectedGroups", "MIGRANT");
        form.add("workers", "60");
        form.add("amount", "780000");
        form.add("petitionRisk", "true");
        form.add("description", "60名农民工被拖欠工资，扬言到区政府集体上访");
        form.add("action", "preview");
        ResponseEntity<String> preview = post("/supervision/risks", form);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody()).contains("id=\"grade\"", "重大风险", "第一时间响应").doesNotContain("MAJOR<");
        assertThat(count("pv_risk")).as("a preview saves nothing").isEqualTo(before);

        form.set("workers", "六十");
        form.set("employerName", "");
        ResponseEntity<String> refused = post("/supervision/risks", form);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("涉及人数至少为1人", "请填写用人单位名称", "error-workers", "error-employerName");
        assertThat(count("pv_risk")).isEqualTo(before);

        form.set("workers", "60");
        form.set("employerName", "重庆页面测试建设集团有限公司");
        form.set("action", "save");
        ResponseEntity<String> saved = post("/supervision/risks", form);
        assertThat(saved.getStatusCode().is3xxRedirection() || saved.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(count("pv_risk")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT risk_level FROM pv_risk WHERE employer_name = ?", String.class,
                "重庆页面测试建设集团有限公司")).isEqualTo("MAJOR");
        assertThat(get("/supervision/risks")).contains("重庆页面测试建设集团有限公司", "重大");
    }

    @Test
    void theLedgerFiltersLinksRisksOfOneEmployerAndExports() {
        String code = Applications.creditCode(57);
        for (String[] r : new String[][] {{"PETITION", "60", "true"}, {"COMPLAINT", "2", "false"}}) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("organisation", "yuzhong");
            form.add("employerName", "重庆台账筛选测试物流有限公司");
            form.add("employerCreditCode", code);
            form.add("source", r[0]);
            form.add("workers", r[1]);
            form.add("amount", "50000");
            form.add("petitionRisk", r[2]);
            form.add("description", "台账筛选测试");
            form.add("action", "save");
            post("/supervision/risks", form);
        }
        String employer = get("/supervision/risks?employer=" + code);
        assertThat(employer.split("台账筛选测试物流").length - 1).as("both risks of the employer, and only they")
                .isGreaterThanOrEqualTo(2);
        assertThat(employer).contains("同一单位另有 1 条", "/camunda/app/tasklist/default/#/?task=");
        String major = get("/supervision/risks?level=MAJOR&employer=" + code);
        assertThat(major).contains("重大").doesNotContain("<strong>一般</strong>");
        ResponseEntity<byte[]> csv = new TestRestTemplate().withBasicAuth("liuyang", "demo")
                .getForEntity(URI.create(http.getRootUri() + "/supervision/risks.csv?employer=" + code), byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF风险编号,组织,等级").contains("重庆台账筛选测试物流有限公司", "重大", "信访")
                .doesNotContain("PETITION");
        assertThat(text.lines().count()).isEqualTo(3);
    }

    @Test
    void aLegalHealthCheckIsRegisteredThroughItsPage() {
        int before = count("pv_health_check");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("organisation", "yuzhong");
        form.add("employerName", "重庆体检页面测试科技有限公司");
        form.add("employerCreditCode", "91500103MA5U8XYM11"); // a wrong check character
        form.add("reason", "近三个月被投诉加班费问题两次");
        ResponseEntity<String> refused = post("/supervision/health-checks", form);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("统一社会信用代码无效", "error-employerCreditCode", "近三个月被投诉加班费问题两次");
        assertThat(count("pv_health_check")).isEqualTo(before);

        form.set("employerCreditCode", Applications.creditCode(56));
        post("/supervision/health-checks", form);
        assertThat(count("pv_health_check")).isEqualTo(before + 1);
        assertThat(get("/supervision/health-checks")).contains("重庆体检页面测试科技有限公司", "体检中", "刘洋");
        // another organisation's staff do not see it
        assertThat(new TestRestTemplate().withBasicAuth("tianjing", "demo")
                .getForObject(http.getRootUri() + "/supervision/health-checks", String.class))
                .doesNotContain("重庆体检页面测试科技有限公司");
    }

    private ResponseEntity<String> post(String path, LinkedMultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new TestRestTemplate().withBasicAuth("liuyang", "demo").exchange(URI.create(http.getRootUri() + path),
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private String get(String path) {
        return new TestRestTemplate().withBasicAuth("liuyang", "demo").getForObject(http.getRootUri() + path, String.class);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
