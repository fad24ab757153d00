package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.documents.DocumentKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Documents only the right hands issue (policy/document-rules.csv): for every role and every kind, on a mediation
 * case and an arbitration case, the page offers exactly what the API accepts and the API refuses the rest with 403,
 * storing nothing; a document issued in error is voided — kept, marked, its print saying so, the timeline naming who
 * and why — and a corrected one names the one it replaces.
 */
@StaffApiTest
class DocumentRulesIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    /** One member of staff of each role of 渝中, and the city supervisor. */
    private static final List<String> STAFF = List.of("wangfang", "zhaomin", "chenjing", "sunhao", "zhouqiang",
            "liuyang", "hemei");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRoleIsOfferedOnThePageExactlyTheKindsTheApiAcceptsAndNothingElseIsStored() {
        String mediationCase = open("MEDIATION");
        String arbitrationCase = open("ARBITRATION");
        assertThat(stage(mediationCase)).isEqualTo("MEDIATION");
        assertThat(stage(arbitrationCase)).isEqualTo("ARBITRATION");
        for (String caseNumber : List.of(mediationCase, arbitrationCase)) {
            for (String user : STAFF) {
                StaffClient staff = new StaffClient(http, user, "demo");
                List<String> offered = offeredOnThePage(staff, caseNumber);
                List<String> issuable = staff.get(http.getRootUri() + path(caseNumber) + "/issuable", String.class)
                        .getStatusCode() == HttpStatus.OK ? issuable(user, caseNumber) : List.of();
                assertThat(offered).as(user + " on " + caseNumber).isEqualTo(issuable);
                for (DocumentKind kind : DocumentKind.values()) {
                    int before = documents(caseNumber);
                    ResponseEntity<Map<String, Object>> answer = issue(user, caseNumber, kind.name());
                    if (offered.contains(kind.name())) {
                        assertThat(answer.getStatusCode()).as(user + " issues " + kind + " on " + caseNumber + ": "
                                + answer.getBody()).isEqualTo(HttpStatus.CREATED);
                    } else {
                        assertThat(answer.getStatusCode()).as(user + " issues " + kind + " on " + caseNumber)
                                .isEqualTo(HttpStatus.FORBIDDEN);
                        assertThat(String.valueOf(answer.getBody().get("message"))).contains(kind.title())
                                .doesNotContain(kind.name());
                        assertThat(documents(caseNumber)).as("nothing stored").isEqualTo(before);
                    }
                }
            }
        }
        // the roles that issue them: arbitral documents by the arbitrator, on the arbitration case only
        assertThat(issuable("zhaomin", arbitrationCase)).contains("ARBITRATION_AWARD", "ARBITRATION_HEARING_NOTICE")
                .doesNotContain("MEDIATION_AGREEMENT");
        assertThat(issuable("zhaomin", mediationCase)).doesNotContain("ARBITRATION_AWARD");
        assertThat(issuable("wangfang", mediationCase)).contains("MEDIATION_AGREEMENT", "MEDIATION_RECORD")
                .doesNotContain("ARBITRATION_AWARD", "PARTIAL_AWARD", "CIVIL_COMPLAINT");
        assertThat(issuable("sunhao", mediationCase)).doesNotContain("MEDIATION_AGREEMENT", "ARBITRATION_AWARD");
        assertThat(issuable("liuyang", arbitrationCase)).as("the counter: any staff of the organisation")
                .contains("ARBITRATION_APPLICATION", "ORAL_APPLICATION_RECORD").doesNotContain("ARBITRATION_AWARD");
    }

    @Test
    void aMediatorIssuingAnArbitralAwardOnAMediationCaseIsRefusedAndNothingIsKept() {
        String caseNumber = open("MEDIATION");
        int documents = documents(caseNumber);
        int events = events(caseNumber);

        ResponseEntity<Map<String, Object>> answer = issue("wangfang", caseNumber, "ARBITRATION_AWARD");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("message").toString()).contains("仲裁裁决书", "调解");
        assertThat(answer.getBody().get("messageEn").toString()).contains("may not issue");
        assertThat(documents(caseNumber)).isEqualTo(documents);
        assertThat(events(caseNumber)).as("no timeline entry").isEqualTo(events);
        // and the page does not offer it
        assertThat(offeredOnThePage(new StaffClient(http, "wangfang", "demo"), caseNumber))
                .doesNotContain("ARBITRATION_AWARD").contains("MEDIATION_RECORD");
    }

    @Test
    void aDocumentIssuedInErrorIsVoidedKeptAndMarkedAndItsCorrectionNamesIt() {
        String caseNumber = open("MEDIATION");
        Map<String, Object> record = issue("wangfang", caseNumber, "MEDIATION_RECORD").getBody();
        long id = ((Number) record.get("id")).longValue();
        String sha = (String) record.get("sha256");

        // not the issuer, not a supervisor: refused; no reason: refused
        assertThat(voidIt("zhaomin", caseNumber, id, "写错了").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> noReason = voidIt("wangfang", caseNumber, id, " ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason", "作废的原因");

        ResponseEntity<Map<String, Object>> voided = voidIt("wangfang", caseNumber, id, "当事人姓名录入有误");
        assertThat(voided.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(voided.getBody()).containsKey("voided");
        assertThat(voidIt("liuyang", caseNumber, id, "再次作废").getStatusCode()).as("once only")
                .isEqualTo(HttpStatus.CONFLICT);

        // kept as issued, marked on the page, in its print and in the timeline
        assertThat(jdbc.queryForObject("SELECT sha256 FROM dc_document WHERE id = ?", String.class, id)).isEqualTo(sha);
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        ResponseEntity<String> html = wangfang.get(http.getRootUri() + path(caseNumber) + "/" + id, String.class);
        assertThat(html.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha);
        assertThat(html.getBody()).contains("本文书已作废", "王芳", "当事人姓名录入有误");
        String page = wangfang.get(http.getRootUri() + UriComponentsBuilder.fromPath("/cases/{n}/documents")
                .queryParam("shown", id).buildAndExpand(caseNumber).encode().toUriString(), String.class).getBody();
        assertThat(page).contains("已作废", "当事人姓名录入有误").doesNotContain("wangfang");
        assertThat(jdbc.queryForList("SELECT e.detail FROM dc_case_event e JOIN dc_case c ON c.id = e.case_id "
                        + "WHERE c.case_number = ? AND e.kind = 'DOCUMENT_VOIDED'", String.class, caseNumber))
                .singleElement().asString().contains("王芳", "调解笔录", "当事人姓名录入有误");

        // the correction names the voided one; it must be a voided document of the same kind
        assertThat(issue("wangfang", caseNumber, "MEDIATION_SESSION_NOTICE", id).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> corrected = issue("wangfang", caseNumber, "MEDIATION_RECORD", id);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) corrected.getBody().get("replaces")).longValue()).isEqualTo(id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dc_document d JOIN dc_case c ON c.id = d.case_id "
                + "WHERE c.case_number = ? AND d.kind = 'MEDIATION_RECORD'", Integer.class, caseNumber)).isEqualTo(2);
    }

    @Test
    void aSupervisorOfTheOrganisationMayVoidAColleaguesDocument() {
        String caseNumber = open("MEDIATION");
        long id = ((Number) issue("wangfang", caseNumber, "MEDIATION_RECORD").getBody().get("id")).longValue();

        assertThat(voidIt("tianjing", caseNumber, id, "他组织主管").getStatusCode()).as("another organisation's supervisor")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(voidIt("liuyang", caseNumber, id, "出具有误").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String open(String procedure) {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("requestedProcedure", procedure);
        return (String) new StaffClient(http, "wangfang", "demo").openCase(application).getBody().get("caseNumber");
    }

    private String stage(String caseNumber) {
        return jdbc.queryForObject("SELECT stage FROM dc_case WHERE case_number = ?", String.class, caseNumber);
    }

    private int documents(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dc_document d JOIN dc_case c ON c.id = d.case_id "
                + "WHERE c.case_number = ?", Integer.class, caseNumber);
    }

    private int events(String caseNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dc_case_event e JOIN dc_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ?", Integer.class, caseNumber);
    }

    /** The kinds in the documents page's 文书 list, as this user sees it. */
    private List<String> offeredOnThePage(StaffClient staff, String caseNumber) {
        String page = staff.get(http.getRootUri() + UriComponentsBuilder.fromPath("/cases/{n}/documents")
                .buildAndExpand(caseNumber).encode().toUriString(), String.class).getBody();
        List<String> kinds = new ArrayList<>();
        int select = page.indexOf("<select id=\"kind\"");
        if (select < 0) {
            return kinds;
        }
        Matcher option = Pattern.compile("<option value=\"([A-Z_]+)\">").matcher(page.substring(select,
                page.indexOf("</select>", select)));
        while (option.find()) {
            kinds.add(option.group(1));
        }
        return kinds;
    }

    private List<String> issuable(String user, String caseNumber) {
        ResponseEntity<List<Map<String, Object>>> answer = new TestRestTemplate().withBasicAuth(user, "demo").exchange(
                URI.create(http.getRootUri() + path(caseNumber) + "/issuable"), HttpMethod.GET, null, LIST);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().stream().map(k -> (String) k.get("kind")).toList();
    }

    private ResponseEntity<Map<String, Object>> issue(String user, String caseNumber, String kind) {
        return post(user, path(caseNumber), Map.of("kind", kind));
    }

    private ResponseEntity<Map<String, Object>> issue(String user, String caseNumber, String kind, long replaces) {
        return post(user, path(caseNumber), Map.of("kind", kind, "replaces", replaces));
    }

    private ResponseEntity<Map<String, Object>> voidIt(String user, String caseNumber, long id, String reason) {
        return post(user, path(caseNumber) + "/" + id + "/void", Map.of("reason", reason));
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
        return new TestRestTemplate().withBasicAuth(user, "demo").exchange(URI.create(http.getRootUri() + path),
                HttpMethod.POST, new HttpEntity<>(body), MAP);
    }

    private static String path(String caseNumber) {
        return UriComponentsBuilder.fromPath("/api/cases/{n}/documents").buildAndExpand(caseNumber).encode().toUriString();
    }
}
