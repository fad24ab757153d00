package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Every statistic on a known set of cases of the 大兴 organisation, which no other test uses, in the first quarter of
 * 2025: the case records, their stage history, deadlines, and the engine's history of their mediations, fulfilments,
 * legal aid and follow-up as Camunda writes it (ACT_HI_*). The expected numbers are worked out by hand below.
 *
 * <pre>
 * case  received     closed       claims                      stages (09:00 each)                       history
 * D     2024-12-20   2025-01-05   PAY_ARREARS 700             MEDIATION 12-20 → CLOSED 01-05 (16 d)      mediation AGREEMENT 500 (long); fulfilment paid 500 (long)
 * A     2025-01-10   2025-01-25   PAY_ARREARS 1000            MEDIATION 01-10 → CLOSED 01-20 (10 d)      mediation AGREEMENT 800, mediator dxmediator; fulfilment paid 800; follow-up 01-25
 * B     2025-01-20   2025-02-15   PAY_ARREARS 2000,           MEDIATION 01-20 → ARBITRATION 02-09 (20 d)  mediation FAILED; legal aid 01-22
 *       collective                PAY_OVERTIME 500            → CLOSED 02-15 (6 d)
 * C     2025-02-05   open         TERM_UNLAWFUL 3000          MEDIATION 02-05 (running)                 mediation WITHDRAWN 02-05 → 02-10, then another running
 * E     2025-04-02   open         PAY_ARREARS 9999            —                                         —
 * deadlines: A MET 01-15, B MET_LATE 02-01, C MET 04-10
 * </pre>
 */
@StaffApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIntegrationTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String Q1 = "?from=2025-01-01&to=2025-03-31&organisation=daxing";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    StaffClient city;

    @BeforeAll
    void knownCases() {
        city = new StaffClient(http, "hemei", "demo");
        if (identity.createUserQuery().userId("dxmediator").count() == 0) {
            org.camunda.bpm.engine.identity.User u = identity.newUser("dxmediator");
            u.setFirstName("韩梅");
            u.setLastName("调解员");
            identity.saveUser(u);
            if (identity.createGroupQuery().groupId("mediator-daxing").count() == 0) {
                org.camunda.bpm.engine.identity.Group g = identity.newGroup("mediator-daxing");
                g.setName("大兴调解员");
                identity.saveGroup(g);
            }
            identity.createMembership("dxmediator", "mediator-daxing");
        }
        long d = newCase("D", "2024-12-20", "2025-01-05T09:00", false);
        long a = newCase("A", "2025-01-10", "2025-01-25T09:00", false);
        long b = newCase("B", "2025-01-20", "2025-02-15T09:00", true);
        long c = newCase("C", "2025-02-05", null, false);
        long e = newCase("E", "2025-04-02", null, false);
        claim(d, "PAY_ARREARS", "700");
        claim(a, "PAY_ARREARS", "1000");
        claim(b, "PAY_ARREARS", "2000");
        claim(b, "PAY_OVERTIME", "500");
        claim(c, "TERM_UNLAWFUL", "3000");
        claim(e, "PAY_ARREARS", "9999");
        event(d, "2024-12-20T09:00", "STAGE_ENTERED", "MEDIATION");
        event(d, "2025-01-05T09:00", "CLOSED", "MEDIATION");
        event(a, "2025-01-10T09:00", "STAGE_ENTERED", "MEDIATION");
        event(a, "2025-01-20T09:00", "CLOSED", "MEDIATION");
        event(b, "2025-01-20T09:00", "STAGE_ENTERED", "MEDIATION");
        event(b, "2025-02-09T09:00", "STAGE_ENTERED", "ARBITRATION");
        event(b, "2025-02-15T09:00", "CLOSED", "ARBITRATION");
        event(c, "2025-02-05T09:00", "STAGE_ENTERED", "MEDIATION");
        deadline(a, "MET", "2025-01-15T10:00");
        deadline(b, "MET_LATE", "2025-02-01T10:00");
        deadline(c, "MET", "2025-04-10T10:00");

        String dm = process("D", "mediation", "2024-12-20T09:00", "2025-01-05T09:00");
        variable(dm, "mediationOutcome", "AGREEMENT");
        variable(dm, "agreedAmount", 500L);
        String am = process("A", "mediation", "2025-01-10T09:00", "2025-01-20T09:00");
        variable(am, "mediationOutcome", "AGREEMENT");
        variable(am, "agreedAmount", 800.0);
        task(am, "dxmediator");
        String bm = process("B", "mediation", "2025-01-20T09:00", "2025-02-09T09:00");
        variable(bm, "mediationOutcome", "FAILED");
        String cm = process("C", "mediation", "2025-02-05T09:00", "2025-02-10T09:00");
        variable(cm, "mediationOutcome", "WITHDRAWN");
        process("C", "mediation", "2025-02-10T09:00", null);
        variable(process("D", "agreement_fulfilment", "2025-01-05T09:00", "2025-01-05T12:00"), "amountPaid", 500L);
        variable(process("A", "agreement_fulfilment", "2025-01-20T09:00", "2025-01-25T09:00"), "amountPaid", 800.0);
        process("B", "legal_aid", "2025-01-22T09:00", "2025-01-30T09:00");
        process("A", "follow_up", "2025-01-25T09:00", null);
        process("D", "follow_up", "2024-12-30T09:00", null);
    }

    @Test
    void countsCasesReceivedAndClosedPerMonthWithTheMonthlyClosureRate() {
        Map<String, Object> s = stats(Q1);
        assertThat(s.get("totals")).isEqualTo(Map.of("opened", 3, "closed", 3, "collective", 1, "legalAid", 1, "followUp", 1));
        assertThat(list(s, "months")).containsExactly(
                Map.of("month", "2025-01", "opened", 2, "closed", 2, "openAtStart", 1, "closureRate", 0.6667),
                Map.of("month", "2025-02", "opened", 1, "closed", 1, "openAtStart", 1, "closureRate", 0.5),
                Map.of("month", "2025-03", "opened", 0, "closed", 0, "openAtStart", 1, "closureRate", 0.0));
    }

    @Test
    void measuresMediationSuccessAndItsLength() {
        assertThat(stats(Q1).get("mediation")).isEqualTo(Map.of("concluded", 3, "agreements", 2, "withdrawn", 1,
                "notAccepted", 0, "successRate", 0.6667, "averageDays", 15.3, "medianDays", 16.0));
    }

    @Test
    void measuresEachStageAgainstItsStatutoryPeriod() {
        List<Map<String, Object>> stages = list(stats(Q1), "stages");
        Map<String, Object> mediation = stages.stream().filter(x -> "MEDIATION".equals(x.get("stage"))).findFirst().orElseThrow();
        // D ended 01-05 within 01-06 (15 days end on Sat 4 Jan); A within; B ended 02-09 after 02-05 (春节 to 4 Feb)
        assertThat(mediation).containsEntry("entered", 3).containsEntry("ended", 3).containsEntry("averageDays", 15.3)
                .containsEntry("medianDays", 16.0).containsEntry("limitPeriod", "MEDIATION_LIMIT")
                .containsEntry("limit", "15日").containsEntry("withinLimitRate", 0.6667);
        Map<String, Object> arbitration = stages.stream().filter(x -> "ARBITRATION".equals(x.get("stage"))).findFirst().orElseThrow();
        assertThat(arbitration).containsEntry("entered", 1).containsEntry("ended", 1).containsEntry("averageDays", 6.0)
                .containsEntry("withinLimitRate", 1.0);
        Map<String, Object> negotiation = stages.stream().filter(x -> "NEGOTIATION".equals(x.get("stage"))).findFirst().orElseThrow();
        assertThat(negotiation).containsEntry("entered", 0).containsEntry("ended", 0).containsEntry("averageDays", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsDeadlinesMetInTimeAndAmountsClaimedAgreedAndPaid() {
        Map<String, Object> s = stats(Q1);
        assertThat(s.get("onTime")).isEqualTo(Map.of("met", 1, "late", 1, "rate", 0.5));
        assertThat((Map<String, Object>) s.get("amounts")).containsEntry("claimed", 6500.0).containsEntry("agreed", 1300.0)
                .containsEntry("paid", 1300.0).containsEntry("excluded", List.of());
    }

    @Test
    void ranksTheCausesOfTheCasesReceived() {
        assertThat(list(stats(Q1), "causes")).extracting(c -> c.get("code") + "=" + c.get("cases"))
                .containsExactly("PAY_ARREARS=2", "PAY_OVERTIME=1", "TERM_UNLAWFUL=1");
    }

    @Test
    void filtersByMediatorCauseAndCollective() {
        Map<String, Object> mediator = stats(Q1 + "&mediator=dxmediator");
        assertThat(mediator.get("totals")).isEqualTo(Map.of("opened", 1, "closed", 1, "collective", 0, "legalAid", 0, "followUp", 1));
        assertThat(((Map<?, ?>) mediator.get("mediation")).get("successRate")).isEqualTo(1.0);
        // the mediator by name, as a supervisor knows her; a name that matches nobody is said, not answered with zeros
        assertThat(stats(Q1 + "&mediator=" + java.net.URLEncoder.encode("韩梅", java.nio.charset.StandardCharsets.UTF_8))
                .get("totals")).isEqualTo(mediator.get("totals"));
        ResponseEntity<Map> nobody = city.get(http.getRootUri() + "/api/statistics" + Q1 + "&mediator="
                + java.net.URLEncoder.encode("无此人", java.nio.charset.StandardCharsets.UTF_8), Map.class);
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nobody.getBody().toString()).contains("mediator", "没有名为“无此人”的工作人员");

        Map<String, Object> collective = stats(Q1 + "&collective=true");
        assertThat(((Map<?, ?>) collective.get("totals")).get("opened")).isEqualTo(1);
        assertThat(((Map<?, ?>) collective.get("amounts")).get("claimed")).isEqualTo(2500.0);

        // the parent cause 劳动报酬 (PAY) takes in its sub-causes: A, B and D's arrears, B's overtime
        Map<String, Object> pay = stats(Q1 + "&cause=PAY");
        assertThat(((Map<?, ?>) pay.get("totals")).get("opened")).isEqualTo(2);
        assertThat(((Map<?, ?>) pay.get("mediation")).get("concluded")).isEqualTo(3);
    }

    /**
     * June 2024, 大兴 (both closed before the other tests' quarter): case I claims 999,999,999,999.99 yuan in one
     * claim (a slip of the keyboard, above the per-claim ceiling of 10,000,000 and the per-case one), case J 1,000. The claimed amount is 1,000, and I is listed.
     * 约案率: mediations accepted in June are I and J (their 安排调解会谈 started in June); J's was completed → 1 / 2.
     * 当场履行: agreements assessed in June are I and J; only J was paid on the spot → 1 / 2.
     * 文书制作时长: J's 调解协议书, 3 hours from the last beginning of its drafting step.
     */
    @Test
    void excludesImplausibleAmountsAndMeasuresSessionsScheduledAndPaymentOnTheSpot() {
        long i = newCase("I", "2024-06-10", "2024-06-30T18:00", false);
        claim(i, "PAY_ARREARS", "999999999999.99");
        long j = newCase("J", "2024-06-11", "2024-06-30T18:00", false);
        claim(j, "PAY_ARREARS", "1000");
        String mi = process("I", "mediation", "2024-06-10T09:00", null);
        String mj = process("J", "mediation", "2024-06-11T09:00", null);
        historicTask(mi, "Task_ScheduleMediationSession", "2024-06-12T09:00", null, null);
        historicTask(mj, "Task_ScheduleMediationSession", "2024-06-12T09:00", "2024-06-13T09:00", "completed");
        String fi = process("I", "agreement_fulfilment", "2024-06-14T09:00", null);
        String fj = process("J", "agreement_fulfilment", "2024-06-14T09:00", null);
        historicTask(fi, "Task_AssessPerformance", "2024-06-14T09:00", "2024-06-15T09:00", "completed");
        historicTask(fj, "Task_AssessPerformance", "2024-06-14T09:00", "2024-06-15T09:00", "completed");
        variable(fi, "paidOnTheSpot", 0L);
        variable(fj, "paidOnTheSpot", 1L);
        // J's agreement: the drafting step began on the 19th, was sent back, began again on the 20th at 09:00, and the
        // 调解协议书 was issued at 12:00 → 3 hours (from the last beginning, not the first)
        historicTask(mj, "Task_DraftMediationAgreement", "2024-06-19T09:00", "2024-06-19T10:00", "completed");
        historicTask(mj, "Task_DraftMediationAgreement", "2024-06-20T09:00", "2024-06-20T12:00", "completed");
        jdbc.sql("INSERT INTO dc_document (case_id, kind, title, template, template_version, content, sha256, activity_id,"
                        + " created_by, created_at) VALUES (?, 'MEDIATION_AGREEMENT', '调解协议书', 't', 'v', '<html/>', 's',"
                        + " 'Task_DraftMediationAgreement', 'dxmediator', ?)")
                .params(j, at("2024-06-20T12:00")).update();

        Map<String, Object> june = stats("?from=2024-06-01&to=2024-06-30&organisation=daxing");
        Map<?, ?> amounts = (Map<?, ?>) june.get("amounts");
        assertThat(amounts.get("claimed")).isEqualTo(1000.0);
        assertThat(amounts.get("excluded")).isEqualTo(List.of(number("I")));
        assertThat(june.get("sessions")).isEqualTo(Map.of("whole", 2, "part", 1, "rate", 0.5));
        assertThat(june.get("onTheSpot")).isEqualTo(Map.of("whole", 2, "part", 1, "rate", 0.5));
        assertThat(june.get("documents")).isEqualTo(List.of(Map.of("title", "调解协议书", "issued", 1, "averageHours", 3.0,
                "medianHours", 3.0)));
    }

    private void historicTask(String processInstanceId, String key, String start, String end, String reason) {
        jdbc.sql("INSERT INTO ACT_HI_TASKINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_,"
                        + " START_TIME_, END_TIME_, DELETE_REASON_) VALUES (?, ?, ?, 'mediation', ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), processInstanceId, processInstanceId, key, key, at(start), at(end), reason)
                .update();
    }

    @Test
    void exportsEachFigureAsCsvAndExcel() throws Exception {
        ResponseEntity<byte[]> csv = city.get("/api/statistics/months.csv" + Q1, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF月份,收案,结案,月初未结,月结率\r\n2025年1月,2,2,1,0.6667\r\n2025年2月,1,1,1,0.5\r\n2025年3月,0,0,1,0.0\r\n");

        ResponseEntity<byte[]> xlsx = city.get("/api/statistics/causes.xlsx" + Q1, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx.getBody()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).contains("<t>案由</t>", "<t>拖欠工资</t>", "<c r=\"B2\"><v>2</v></c>").doesNotContain("PAY_ARREARS");
    }

    @Test
    void onlySupervisorsSeeStatisticsAndOnlyOfTheirOwnOrganisations() {
        StaffClient yuzhongSupervisor = new StaffClient(http, "liuyang", "demo");
        StaffClient mediator = new StaffClient(http, "wangfang", "demo");

        assertThat(yuzhongSupervisor.get("/api/statistics" + Q1, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(yuzhongSupervisor.get("/api/statistics/months.csv" + Q1, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(mediator.get("/api/statistics?from=2025-01-01&to=2025-03-31", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // without naming an organisation, the 渝中 supervisor's figures leave 大兴's cases out
        Map<?, ?> own = yuzhongSupervisor.get("/api/statistics?from=2025-01-01&to=2025-03-31", Map.class).getBody();
        assertThat(((Map<?, ?>) own.get("totals")).get("opened")).isEqualTo(0);
    }

    @Test
    void refusesBadParametersNamingTheField() {
        ResponseEntity<String> answer = city.get("/api/statistics?from=2025-03-31&to=2025-01-01", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("\"field\":\"from\"", "开始日期晚于结束日期");
        assertThat(city.get("/api/statistics?from=2025-13-01", String.class).getBody()).contains("\"field\":\"from\"");
        assertThat(city.get("/api/statistics?cause=NOPE", String.class).getBody()).contains("\"field\":\"cause\"");
        assertThat(city.get("/api/statistics?organisation=mars", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(city.get("/api/statistics/secrets.csv" + Q1, String.class).getBody()).contains("\"field\":\"figure\"");
    }

    private Map<String, Object> stats(String query) {
        ResponseEntity<Map> answer = city.get("/api/statistics" + query, Map.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = answer.getBody();
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> s, String key) {
        return (List<Map<String, Object>>) s.get(key);
    }

    private static String number(String name) {
        return "大兴劳调〔2025〕统计" + name + "号";
    }

    private static Timestamp at(String dateTime) {
        return dateTime == null ? null : Timestamp.from(LocalDateTime.parse(dateTime).atZone(CHINA).toInstant());
    }

    private long newCase(String name, String receivedOn, String closedAt, boolean collective) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dc_case (case_number, org_code, requested_procedure, collective, summary, received_on, stage,"
                        + " status, created_at, updated_at, closed_at) VALUES (?, 'daxing', 'MEDIATION', ?, '统计测试', ?, ?, ?, ?, ?, ?)")
                .params(number(name), collective, LocalDate.parse(receivedOn), closedAt == null ? "MEDIATION" : "ARCHIVED",
                        closedAt == null ? "OPEN" : "CLOSED", at(receivedOn + "T09:00"), at(receivedOn + "T09:00"), at(closedAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void claim(long caseId, String cause, String amount) {
        jdbc.sql("INSERT INTO dc_claim (case_id, cause_code, description, amount) VALUES (?, ?, '请求', ?)")
                .params(caseId, cause, new java.math.BigDecimal(amount)).update();
    }

    private void event(long caseId, String at, String kind, String stage) {
        jdbc.sql("INSERT INTO dc_case_event (case_id, occurred_at, kind, stage, detail) VALUES (?, ?, ?, ?, '统计测试')")
                .params(caseId, at(at), kind, stage).update();
    }

    private void deadline(long caseId, String state, String closedAt) {
        jdbc.sql("INSERT INTO dc_case_deadline (case_id, task_id, task_key, task_name, process_key, period, due_at, warn_at,"
                        + " state, needs_review, opened_at, closed_at) VALUES (?, ?, 'Task_X', '测试任务', 'mediation', 'TASK_HANDLING',"
                        + " ?, ?, ?, FALSE, ?, ?)")
                .params(caseId, UUID.randomUUID().toString(), at(closedAt), at(closedAt), state, at(closedAt), at(closedAt))
                .update();
    }

    private String process(String caseName, String key, String start, String end) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
                        + " END_TIME_, ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, id, number(caseName), key, key + ":1:stat", at(start), at(end), id, end == null ? "ACTIVE" : "COMPLETED")
                .update();
        return id;
    }

    private void variable(String processInstanceId, String name, Object value) {
        String type = value instanceof String ? "string" : value instanceof Long ? "long" : "double";
        jdbc.sql("INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, REV_,"
                        + " TEXT_, LONG_, DOUBLE_, CREATE_TIME_, STATE_) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'CREATED')")
                .params(UUID.randomUUID().toString(), processInstanceId, processInstanceId, processInstanceId, name, type,
                        value instanceof String ? value : value instanceof Long ? value.toString() : null,
                        value instanceof Long ? value : null, value instanceof Double ? value : null,
                        at("2025-01-01T00:00"))
                .update();
    }

    private void task(String processInstanceId, String assignee) {
        jdbc.sql("INSERT INTO ACT_HI_TASKINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_,"
                        + " ASSIGNEE_, START_TIME_) VALUES (?, ?, ?, 'mediation', 'Task_RecordMediationSession', '调解并制作笔录', ?, ?)")
                .params(UUID.randomUUID().toString(), processInstanceId, processInstanceId, assignee, at("2025-01-12T09:00"))
                .update();
    }
}
