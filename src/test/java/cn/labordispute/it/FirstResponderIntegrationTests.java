package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 一窗受理 and 首问负责 through the REST API: an oral application recorded by the member of staff who first takes it,
 * who owns the case and its record task until they hand it over; the applicant checks and signs the 口头申请笔录.
 */
@StaffApiTest
class FirstResponderIntegrationTests {

    @Autowired
    TestRestTemplate http;

    StaffClient wangfang;
    StaffClient zhanglei;
    StaffClient supervisor;

    @BeforeEach
    void staff() {
        wangfang = new StaffClient(http, "wangfang", "demo");
        zhanglei = new StaffClient(http, "zhanglei", "demo");
        supervisor = new StaffClient(http, "liuyang", "demo");
    }

    @Test
    void theStaffMemberWhoTakesAnOralApplicationOwnsItUntilHandingItOver() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("oral", true);
        ResponseEntity<Map<String, Object>> opened = wangfang.openCase(application);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) opened.getBody().get("caseNumber");

        assertThat(wangfang.getCase(caseNumber).getBody()).containsEntry("firstResponder", "wangfang")
                .containsEntry("stage", "INTAKE");
        Map<String, Object> task = only(wangfang.tasks(caseNumber));
        assertThat(task).containsEntry("taskDefinitionKey", "Task_ConfirmOralApplication").containsEntry("assignee", "wangfang");
        String record = html(caseNumber, "ORAL_APPLICATION_RECORD");
        assertThat(record).contains("口头申请笔录", "记录人（首问责任人）", "wangfang", "申请人口述的请求");

        // only the owner or a supervisor hands over, and only to staff of the organisation, with a note
        assertThat(handOver(zhanglei, caseNumber, "zhanglei", "我来办").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> wrong = handOver(wangfang, caseNumber, "lixiaoyun", "");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody().toString()).contains("to", "李晓云不是本组织的工作人员", "note");
        assertThat(wangfang.getCase(caseNumber).getBody()).containsEntry("firstResponder", "wangfang");

        ResponseEntity<Map<String, Object>> done = handOver(wangfang, caseNumber, "zhanglei", "本人外出培训，交张磊继续办理");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> c = zhanglei.getCase(caseNumber).getBody();
        assertThat(c).containsEntry("firstResponder", "zhanglei");
        assertThat(c.get("timeline").toString()).contains("首问责任人由王芳移交给张磊", "外出培训");
        assertThat(only(zhanglei.tasks(caseNumber))).containsEntry("assignee", "zhanglei");

        // the applicant asks for a correction, then signs; the case goes on to mediation
        zhanglei.claimAndComplete(caseNumber, "Task_ConfirmOralApplication", "oralRecordConfirmed", false,
                "oralRecordCorrections", "入职日期应为2025年3月");
        assertThat(html(caseNumber, "ORAL_APPLICATION_RECORD")).contains("申请人核对时要求更正的内容", "入职日期应为2025年3月",
                "zhanglei");
        zhanglei.claimAndComplete(caseNumber, "Task_ConfirmOralApplication", "oralRecordConfirmed", true,
                "oralConfirmedOn", "2026-11-30");
        assertThat(zhanglei.getCase(caseNumber).getBody()).containsEntry("stage", "MEDIATION");
        // a supervisor may hand it over too
        assertThat(handOver(supervisor, caseNumber, "wangfang", "张磊调岗").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrittenApplicationHasItsFirstResponderAndNoRecordToSign() {
        String caseNumber = (String) wangfang.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");
        assertThat(wangfang.getCase(caseNumber).getBody()).containsEntry("firstResponder", "wangfang")
                .containsEntry("stage", "MEDIATION");
        assertThat(wangfang.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_DecideMediationAcceptance");
    }

    private ResponseEntity<Map<String, Object>> handOver(StaffClient who, String caseNumber, String to, String note) {
        return who.post(caseNumber, "/first-responder", Map.of("to", to, "note", note));
    }

    private static Map<String, Object> only(List<Map<String, Object>> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private String html(String caseNumber, String kind) {
        Map<String, Object> d = wangfang.documents(caseNumber).stream().filter(x -> kind.equals(x.get("kind")))
                .reduce((a, b) -> b).orElseThrow();
        return wangfang.get((String) d.get("html"), String.class).getBody();
    }
}
