package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 个人档案 / 企业档案 (P档 / C档) from a case's party: every case of the worker by identity number, every case, risk and
 * legal health check of the employer by credit code, within the caller's organisations only.
 */
@StaffApiTest
class RecordsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void aWorkersAndAnEmployersRecordsGatherTheirCases() {
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        String employerCode = Applications.creditCode(123);
        Map<String, Object> first = Applications.mediation("yuzhong");
        Applications.employer(first).put("name", "重庆档案测试餐饮有限公司");
        Applications.employer(first).put("creditCode", employerCode);
        String one = (String) wangfang.openCase(first).getBody().get("caseNumber");
        Map<String, Object> second = Applications.mediation("yuzhong");
        Applications.employer(second).put("name", "重庆档案测试餐饮有限公司");
        Applications.employer(second).put("creditCode", employerCode);
        second.put("claims", List.of(Applications.claim("PAY_OVERTIME", new BigDecimal("3000.00"))));
        second.put("summary", "同一单位的另一起加班费争议");
        String two = (String) wangfang.openCase(second).getBody().get("caseNumber");
        ResponseEntity<String> risk = new TestRestTemplate().withBasicAuth("wangfang", "demo").postForEntity(
                http.getRootUri() + "/api/risks", Map.of("organisation", "yuzhong", "employerName", "重庆档案测试餐饮有限公司",
                        "employerCreditCode", employerCode, "source", "COMPLAINT", "workers", 3, "amount", 9000,
                        "description", "员工投诉拖欠加班费"), String.class);
        assertThat(risk.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String person = page("wangfang", one, 0);
        assertThat(person).contains("刘小雨", "个人档案", one, two, "重庆档案测试餐饮有限公司");
        String enterprise = page("wangfang", one, 2);
        assertThat(enterprise).contains("企业档案", one, two, "id=\"count-cases\">2<", "id=\"count-risks\">1<", "一般");
        // the address never carries the identity number; another organisation cannot open it
        ResponseEntity<String> other = new TestRestTemplate().withBasicAuth("lixiaoyun", "demo")
                .getForEntity(java.net.URI.create(http.getRootUri() + path(one, 0)), String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(new TestRestTemplate().withBasicAuth("wangfang", "demo")
                .getForEntity(java.net.URI.create(http.getRootUri() + path(one, 9)), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // and the case view links each party to its record
        assertThat(wangfang.get(http.getRootUri() + UriComponentsBuilder.fromPath("/supervision/cases/{n}")
                .buildAndExpand(one).encode().toUriString(), String.class).getBody()).contains(path(one, 2));
    }

    private String page(String user, String caseNumber, int index) {
        ResponseEntity<String> answer = new TestRestTemplate().withBasicAuth(user, "demo")
                .getForEntity(java.net.URI.create(http.getRootUri() + path(caseNumber, index)), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String path(String caseNumber, int index) {
        return UriComponentsBuilder.fromPath("/cases/{n}/parties/{i}").buildAndExpand(caseNumber, index).encode()
                .toUriString();
    }
}
