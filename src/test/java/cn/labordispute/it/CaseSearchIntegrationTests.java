package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 案件查询 as the counter uses it: a case found by its number typed any way, a party's name, the employer's name or
 * credit code, the last four characters of an identity number and a phone; only within the caller's organisations;
 * the list says where each case is, who holds its next step and by when. The case view's hand-over.
 */
@StaffApiTest
class CaseSearchIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void aCaseIsFoundByWhatThePersonAtTheCounterKnows() {
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        Map<String, Object> application = Applications.mediation("yuzhong");
        Applications.firstWorker(application).put("name", "欧阳晓岚");
        Applications.firstWorker(application).put("idNumber", Applications.WORKER_IDS[2]); // …345X
        Applications.firstWorker(application).put("phone", "13912345678");
        Applications.employer(application).put("name", "重庆晓岚测试餐饮有限公司");
        Applications.employer(application).put("creditCode", Applications.creditCode(77));
        String caseNumber = (String) wangfang.openCase(application).getBody().get("caseNumber");
        Matcher n = Pattern.compile("^(.+)〔(\\d{4})〕0*(\\d+)号$").matcher(caseNumber);
        assertThat(n.matches()).isTrue();
        String prefix = n.group(1);
        String year = n.group(2);
        String serial = n.group(3);

        for (String typed : new String[] {caseNumber, prefix + year + " " + serial, year + "-" + String.format("%05d",
                Integer.parseInt(serial)), prefix + "〔" + year + "〕" + serial, "欧阳晓岚", "晓岚", "345x", "345X",
                "13912345678", "晓岚测试餐饮", Applications.creditCode(77)}) {
            String page = page("wangfang", typed, "");
            assertThat(page).as(typed).contains(caseNumber);
        }
        // the row: the applicant, the employer, the stage, the step due next and its deadline, the handler
        String page = page("wangfang", caseNumber, "");
        assertThat(page).contains("欧阳晓岚等2人", "重庆晓岚测试餐饮有限公司", "调解", "受理审查", "（未认领）", "年", "找到 1 件")
                .doesNotContain("MEDIATION<", "wangfang<");
        // another organisation finds nothing, by any of these
        assertThat(page("lixiaoyun", caseNumber, "")).doesNotContain(caseNumber).contains("没有找到");
        assertThat(page("lixiaoyun", "345X", "")).doesNotContain(caseNumber);
        // the stage and the status narrow it
        assertThat(page("wangfang", "晓岚", "&stage=ARBITRATION")).doesNotContain(caseNumber);
        assertThat(page("wangfang", "晓岚", "&stage=MEDIATION&status=OPEN")).contains(caseNumber);
        // nonsense finds nothing and breaks nothing
        assertThat(page("wangfang", "%_'\\\"<script>", "")).contains("没有找到").doesNotContain("<script>");
    }

    @Test
    void theFirstResponderHandsTheCaseToAColleagueFromTheCaseView() {
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        String caseNumber = (String) wangfang.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");
        String view = wangfang.get(http.getRootUri() + casePath(caseNumber), String.class).getBody();
        assertThat(view).contains("首问责任人", "王芳", "移交给同事", "张磊");

        // without a note: refused, named, nothing changed
        ResponseEntity<String> refused = handOver("wangfang", caseNumber, "zhanglei", "");
        assertThat(refused.getStatusCode().is2xxSuccessful() || refused.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(wangfang.getCase(caseNumber).getBody().get("firstResponder")).isEqualTo("wangfang");

        ResponseEntity<String> done = handOver("wangfang", caseNumber, "zhanglei", "本人下周休假，已告知申请人");
        assertThat(done.getStatusCode().is2xxSuccessful() || done.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(wangfang.getCase(caseNumber).getBody().get("firstResponder")).isEqualTo("zhanglei");
        String after = new StaffClient(http, "zhanglei", "demo").get(http.getRootUri() + casePath(caseNumber), String.class)
                .getBody();
        assertThat(after).contains("张磊", "移交给同事");
        // wangfang is no longer the owner, nor a supervisor: no hand-over for her
        assertThat(wangfang.get(http.getRootUri() + casePath(caseNumber), String.class).getBody())
                .doesNotContain("移交给同事");
        handOver("wangfang", caseNumber, "wangfang", "拿回来");
        assertThat(wangfang.getCase(caseNumber).getBody().get("firstResponder")).isEqualTo("zhanglei");
    }

    private String page(String user, String q, String more) {
        URI uri = URI.create(http.getRootUri() + UriComponentsBuilder.fromPath("/cases").queryParam("q", q).build()
                .encode().toUriString() + more);
        ResponseEntity<String> answer = new TestRestTemplate().withBasicAuth(user, "demo").getForEntity(uri, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = answer.getBody();
        // what was found (the search box above repeats what was typed)
        return body.substring(body.indexOf("id=\"found-count\""));
    }

    private ResponseEntity<String> handOver(String user, String caseNumber, String to, String note) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("to", to);
        form.add("note", note);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new TestRestTemplate().withBasicAuth(user, "demo").exchange(URI.create(http.getRootUri()
                        + UriComponentsBuilder.fromPath("/cases/{n}/first-responder").buildAndExpand(caseNumber).encode()
                        .toUriString()), HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static String casePath(String caseNumber) {
        return UriComponentsBuilder.fromPath("/supervision/cases/{n}").buildAndExpand(caseNumber).encode().toUriString();
    }
}
