package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * 一窗受理 through its page: the portal's fields and checks (a wrong identity number named, in Chinese, next to its
 * field, nothing stored), the registering clerk as first responder, the oral application's 笔录, the receipt with
 * the access code and what happens next by when, the receipt date the periods count from, and only the clerk's own
 * organisations.
 */
@StaffApiTest
class CounterIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClerkRegistersAnOralApplicationAndHandsOverTheReceipt() {
        int before = cases();
        LinkedMultiValueMap<String, Object> form = form("ORAL", "500103199001011233"); // a wrong check digit
        ResponseEntity<String> refused = post("liuyang", form);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("id=\"errors\"", "居民身份证号码无效", "aria-invalid=\"true\"")
                .doesNotContain("workers[0]", "idNumber is");
        assertThat(refused.getBody()).as("what was typed is kept").contains("拖欠三个月工资，老板失联");
        assertThat(cases()).as("nothing stored").isEqualTo(before);

        form.set("workerIdNumber", "500103199001011232");
        ResponseEntity<String> done = post("liuyang", form);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        String receipt = done.getBody();
        Matcher number = Pattern.compile("id=\"case-number\"><strong>([^<]+)</strong>").matcher(receipt);
        assertThat(number.find()).as(receipt).isTrue();
        String caseNumber = number.group(1);
        assertThat(receipt).contains("受理回执", "口头申请（当场记录）", "申请人核对并签署口头申请笔录", "前办理", "刘洋（您）", "id=\"access-code\"",
                "口头申请笔录", "打印回执");
        Map<String, Object> row = jdbc.queryForMap("SELECT first_responder, received_on FROM dc_case WHERE case_number = ?",
                caseNumber);
        assertThat(row.get("first_responder")).isEqualTo("liuyang");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pt_access a JOIN dc_case c ON c.id = a.case_id "
                + "WHERE c.case_number = ?", Integer.class, caseNumber)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT d.kind FROM dc_document d JOIN dc_case c ON c.id = d.case_id "
                + "WHERE c.case_number = ?", String.class, caseNumber)).contains("ORAL_APPLICATION_RECORD");
        // the same form sent again (a double click): the same case, no second one
        ResponseEntity<String> again = post("liuyang", form);
        assertThat(again.getBody()).contains(caseNumber, "已经登记过").doesNotContain("id=\"access-code\"");
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void aPostedApplicationCarriesTheDayItWasReceived() {
        // the day in China, where the system counts days (after 16:00 UTC it is already tomorrow there)
        LocalDate today = LocalDate.now(cn.labordispute.calendar.WorkingDayCalendar.ZONE);
        LinkedMultiValueMap<String, Object> form = form("WRITTEN", "500103198506122347");
        form.set("procedure", "ARBITRATION");
        form.set("receivedOn", today.minusDays(3).toString());
        String receipt = post("wangfang", form).getBody();
        Matcher number = Pattern.compile("id=\"case-number\"><strong>([^<]+)</strong>").matcher(receipt);
        assertThat(number.find()).isTrue();
        assertThat(jdbc.queryForObject("SELECT received_on FROM dc_case WHERE case_number = ?", LocalDate.class,
                number.group(1))).isEqualTo(today.minusDays(3));
        assertThat(jdbc.queryForList("SELECT d.kind FROM dc_document d JOIN dc_case c ON c.id = d.case_id "
                + "WHERE c.case_number = ?", String.class, number.group(1))).contains("ARBITRATION_APPLICATION");

        LinkedMultiValueMap<String, Object> future = form("WRITTEN", "500103198506122347");
        future.set("receivedOn", today.plusDays(1).toString());
        future.set("requestKey", java.util.UUID.randomUUID().toString());
        ResponseEntity<String> refused = post("wangfang", future);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("收件日期不能晚于今天");
    }

    @Test
    void aClerkRegistersOnlyForTheirOwnOrganisations() {
        int before = cases();
        LinkedMultiValueMap<String, Object> form = form("WRITTEN", "500103198506122347");
        form.set("organisation", "jishou");
        ResponseEntity<String> refused = post("wangfang", form);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("您无权为该组织办理此事");
        assertThat(cases()).isEqualTo(before);
        String page = new TestRestTemplate().withBasicAuth("wangfang", "demo")
                .getForObject(http.getRootUri() + "/counter", String.class);
        assertThat(page).contains("渝中").doesNotContain("value=\"jishou\"");
    }

    private LinkedMultiValueMap<String, Object> form(String channel, String idNumber) {
        LinkedMultiValueMap<String, Object> f = new LinkedMultiValueMap<>();
        f.add("channel", channel);
        f.add("applicantRole", "WORKER");
        f.add("procedure", "MEDIATION");
        f.add("organisation", "yuzhong");
        f.add("receivedOn", LocalDate.now().toString());
        f.add("workerName", "周大勇");
        f.add("workerIdType", "RESIDENT_ID");
        f.add("workerIdNumber", idNumber);
        f.add("workerPhone", "13700001111");
        f.add("migrantWorker", "true");
        f.add("employerName", "重庆窗口测试建筑有限公司");
        f.add("employerCreditCode", Applications.creditCode(91));
        f.add("summary", "拖欠三个月工资，老板失联");
        f.add("claimCause", "PAY_ARREARS");
        f.add("claimAmount", "15000");
        f.add("claimDescription", "2026年8月至10月工资");
        f.add("requestKey", java.util.UUID.randomUUID().toString());
        return f;
    }

    private ResponseEntity<String> post(String user, LinkedMultiValueMap<String, Object> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new TestRestTemplate().withBasicAuth(user, "demo").exchange(URI.create(http.getRootUri() + "/counter"),
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private int cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dc_case", Integer.class);
    }
}
