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
