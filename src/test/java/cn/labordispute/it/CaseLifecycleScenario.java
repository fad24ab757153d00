package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's whole life through the REST APIs, as the people who work it would drive it: opened at the window,
 * mediation fails, arbitration awards, the award is challenged in court, the judgment takes effect, the case closes
 * and is followed up. Runs on H2 ({@link CaseLifecycleIntegrationTests}) and PostgreSQL
 * ({@link CaseLifecyclePostgresIntegrationTests}).
 */
@StaffApiTest
abstract class CaseLifecycleScenario {

    private static final Pattern NUMBER = Pattern.compile("(.+)〔(\\d{4})〕(\\d{5})号");

    @Autowired
    TestRestTemplate http;
    @Autowired
    IntakeService intake;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    StaffClient mediator;
    StaffClient otherOrgMediator;
    StaffClient arbitrator;
    StaffClient courtLiaison;
    StaffClient citySupervisor;

    @BeforeEach
    void staff() {
        mediator = new StaffClient(http, "wangfang", "demo");
        otherOrgMediator = new StaffClient(http, "lixiaoyun", "demo");
        arbitrator = new StaffClient(http, "zhaomin", "demo");
        courtLiaison = new StaffClient(http, "sunhao", "demo");
        citySupervisor = new StaffClient(http, "hemei", "demo");
    }

    @Test
    void caseRunsFromMediationFailureThroughArbitrationAndLitigationToFollowUp() {
        ResponseEntity<Map<String, Object>> opened = mediator.openCase(
                Applications.againstOwnEmployer(Applications.mediation("yuzhong"), 701));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) opened.getBody().get("caseNumber");
        assertThat(caseNumber).matches("渝中劳调〔\\d{4}〕\\d{5}号");
        assertThat(opened.getHeaders().getLocation()).isNotNull();

        Map<String, Object> c = caseOf(caseNumber);
        assertThat(c).containsEntry("stage", "MEDIATION").containsEntry("status", "OPEN");
        assertThat(c.get("totalClaimed")).isEqualTo(10200.50);
        assertThat(openTaskKeys(c)).containsExactly("Task_DecideMediationAcceptance");

        // another organisation's mediator sees neither the case nor its tasks
        assertThat(otherOrgMediator.getCase(caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherOrgMediator.tasks(caseNumber)).isEmpty();

        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", "2026-12-01T09:30:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "调解室", "sessionParticipants", "双方当事人");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "FAILED",
                "sessionRecord", "双方分歧较大", "failureReason", "用人单位不同意支付");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "ARBITRATION");
        assertThat(mediator.tasks(caseNumber)).as("the mediator has no arbitration task").isEmpty();

        arbitrator.claimAndComplete(caseNumber, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        arbitrator.claimAndComplete(caseNumber, "Task_ServeApplicationCopy", "respondentServedOn", "2026-12-01",
                "tribunal", "SOLE", "tribunalNotifiedOn", "2026-12-01");
        arbitrator.claimAndComplete(caseNumber, "Task_RecordDefence", "defenceReceived", true,
                "defenceSummary", "不同意支付", "defenceServedOn", "2026-12-04");
        arbitrator.claimAndComplete(caseNumber, "Task_ScheduleHearing", "hearingAt",
                cn.labordispute.calendar.EngineTime.today().plusDays(7) + "T09:30", "hearingPlace", "第一仲裁庭",
                "presidingArbitrator", "赵敏");
        arbitrator.claimAndComplete(caseNumber, "Task_HoldHearing", "hearingHeldOn", "2026-12-10",
                "hearingRecord", "开庭审理", "mediatedBeforeAward", false);
        arbitrator.claimAndComplete(caseNumber, "Task_IssueAward", "awardSummary", "支付经济补偿4000元及工资6200.5元",
                "awardedAmount", 10200.5, "awardItems", "[{\"causeCode\":\"TERM_COMPENSATION\",\"amount\":4000},"
                        + "{\"causeCode\":\"PAY_ARREARS\",\"amount\":6200.5}]", "awardMadeOn", "2026-12-18",
                "awardServedOn", "2026-12-20");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "ARBITRATION");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordAwardResponse", "partySued", true,
                "awardChallenge", "WORKER_SUIT", "suitNote", "劳动者不服裁决起诉");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "LITIGATION").containsEntry("status", "OPEN");

        courtLiaison.claimAndComplete(caseNumber, "Task_RecordComplaint", "courtAction", "FILED",
                "courtName", "重庆市渝中区人民法院", "procedure", "SUMMARY", "filedOn", "2026-12-28");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordJudgment", "judgmentKind", "JUDGMENT",
                "judgmentServedOn", "2027-02-01", "judgmentSummary", "驳回起诉，维持裁决结果");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordAppeal", "appealed", false);
        assertThat(caseOf(caseNumber)).containsEntry("stage", "FULFILMENT").containsEntry("status", "OPEN");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordPerformancePeriod", "effectiveDocument", "JUDGMENT",
                "effectiveDocumentNumber", "（2027）渝0103民初12号", "performanceAmount", 10200.5,
                "performanceDueOn", "2027-02-26");
        courtLiaison.claimAndComplete(caseNumber, "Task_CheckPerformance", "performedFully", true,
                "performedAmount", 10200.5, "performanceNote", "用人单位已按判决支付");
        c = caseOf(caseNumber);
        assertThat(c).containsEntry("stage", "FOLLOW_UP").containsEntry("status", "CLOSED")
                .containsEntry("outcome", "JUDGMENT_EFFECTIVE").containsEntry("outcomeLabel", "法院裁判生效");

        // both workers are visited, each once
        assertThat(openTaskKeys(caseOf(caseNumber))).containsExactly("Task_ReturnVisit", "Task_ReturnVisit");
        for (int worker = 0; worker < 2; worker++) {
            mediator.claimAndComplete(caseNumber, "Task_ReturnVisit", "satisfaction", "4", "agreementHonoured", true,
                    "needsCounselling", false, "needsJobReferral", false, "needsHardshipAid", false, "visitNote", "已履行");
        }
        c = caseOf(caseNumber);
        assertThat(c).containsEntry("stage", "ARCHIVED");
        assertThat(openTaskKeys(c)).isEmpty();
        assertThat(timeline(c)).containsExactly("OPENED INTAKE", "STAGE_ENTERED MEDIATION",
                "DOCUMENT_ISSUED MEDIATION", "DOCUMENT_ISSUED MEDIATION", "DOCUMENT_ISSUED MEDIATION",
                "DOCUMENT_ISSUED MEDIATION", "STAGE_ENTERED ARBITRATION",
                "DOCUMENT_ISSUED ARBITRATION", "DOCUMENT_ISSUED ARBITRATION", "DOCUMENT_ISSUED ARBITRATION",
                "DOCUMENT_ISSUED ARBITRATION", "STAGE_ENTERED LITIGATION", "STAGE_ENTERED FULFILMENT", "PERFORMED FULFILMENT", "CLOSED FULFILMENT",
                "STAGE_ENTERED FOLLOW_UP", "STAGE_ENTERED ARCHIVED");
        assertThat(completedTaskKeys(c)).hasSize(17).startsWith("Task_DecideMediationAcceptance")
                .endsWith("Task_ReturnVisit");

        // 以案定补: the mediator who recorded the session earns what case_subsidy gives a mediated case closed in court,
        // and the supervisor's monthly report adds it up per mediator
        Object[] subsidy = jdbc.sql("SELECT s.mediator, s.amount, s.basis, s.decided_at FROM dc_subsidy s "
                        + "JOIN dc_case c ON c.id = s.case_id WHERE c.case_number = ?").param(caseNumber)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()}).single();
        assertThat(subsidy[0]).isEqualTo("wangfang");
        assertThat((BigDecimal) subsidy[1]).isEqualByComparingTo("100.00");
        assertThat(subsidy[2]).isEqualTo("参与调解，在后续环节结案");
        YearMonth month = YearMonth.from(((Instant) subsidy[3]).atZone(ZoneId.of("Asia/Shanghai")));
        BigDecimal monthTotal = jdbc.sql("SELECT SUM(amount) FROM dc_subsidy WHERE mediator = 'wangfang'")
                .query(BigDecimal.class).single();
        Map<String, Object> report = new StaffClient(http, "liuyang", "demo").get("/api/subsidies?month=" + month,
                Map.class).getBody();
        assertThat(report.toString()).contains("mediator=wangfang", "name=王芳");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("mediators");
        assertThat(new BigDecimal(rows.stream().filter(r -> "wangfang".equals(r.get("mediator"))).findFirst()
                .orElseThrow().get("amount").toString())).isEqualByComparingTo(monthTotal);
        assertThat(mediator.get("/api/subsidies", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void legalAidRunsBesideMediationAndWithdrawalClosesTheCase() {
        String caseNumber = (String) mediator.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");

        assertThat(mediator.post(caseNumber, "/legal-aid-requests", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> c = caseOf(caseNumber);
        assertThat(c).containsEntry("stage", "MEDIATION");
        assertThat(openTaskKeys(c)).containsExactlyInAnyOrder("Task_DecideMediationAcceptance", "Task_ReviewLegalAid");

        assertThat(mediator.post(caseNumber, "/withdrawal", Map.of("reason", "已与单位私下和解")).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        c = caseOf(caseNumber);
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "WITHDRAWN")
                .containsEntry("stage", "FOLLOW_UP");
        assertThat(openTaskKeys(c)).containsExactly("Task_ReturnVisit", "Task_ReturnVisit");
        assertThat(mediator.post(caseNumber, "/withdrawal", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // the return visit finds the dispute back: a linked case opens at mediation with the same parties and claims
        mediator.claimAndComplete(caseNumber, "Task_ReturnVisit", "satisfaction", "2", "agreementHonoured", false,
                "disputeRecurred", true, "needsCounselling", false, "needsJobReferral", false, "needsHardshipAid", false,
                "visitNote", "私下和解后单位未付款");
        mediator.claimAndComplete(caseNumber, "Task_ReturnVisit", "satisfaction", "3", "agreementHonoured", false,
                "disputeRecurred", false, "needsCounselling", false, "needsJobReferral", false, "needsHardshipAid", false,
                "visitNote", "另一名劳动者不再主张");
        String timeline = caseOf(caseNumber).get("timeline").toString();
        Matcher linked = Pattern.compile("另立新案 (\\S+号)").matcher(timeline);
        assertThat(linked.find()).as(timeline).isTrue();
        Map<String, Object> reopened = caseOf(linked.group(1));
        assertThat(reopened).containsEntry("stage", "MEDIATION").containsEntry("status", "OPEN")
                .containsEntry("totalClaimed", c.get("totalClaimed"));
        assertThat(reopened.get("parties").toString()).contains(Applications.firstWorker(Applications.mediation("yuzhong"))
                .get("name").toString());
        assertThat(reopened.get("timeline").toString()).contains("由已结案件 " + caseNumber);
        assertThat(openTaskKeys(reopened)).containsExactly("Task_DecideMediationAcceptance");
    }

    @Test
    void concurrentIntakesGetGapFreeNumbersAndARolledBackIntakeGivesItsNumberBack() throws Exception {
        int before = lastNumber("jishou");
        StaffClient city = citySupervisor;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> city.openCase(Applications.mediation("jishou"))));
            }
            Set<Integer> numbers = new HashSet<>();
            for (Future<ResponseEntity<Map<String, Object>>> r : results) {
                assertThat(r.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
                numbers.add(sequenceOf((String) r.get().getBody().get("caseNumber")));
            }
            Set<Integer> expected = new HashSet<>();
            for (int i = 1; i <= 12; i++) {
                expected.add(before + i);
            }
            assertThat(numbers).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            intake.open(new CaseApplication("jishou", "MEDIATION", "将被回滚的申请", null,
                    List.of(new CaseApplication.Worker("测试", "PASSPORT", "E99887766", null, null, false)),
                    new CaseApplication.Employer("吉首测试公司", Applications.EMPLOYER_CODE, null, null),
                    List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, new BigDecimal("100")))));
            tx.setRollbackOnly();
        });
        String next = (String) city.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");
        assertThat(sequenceOf(next)).isEqualTo(before + 13);
    }

    /**
     * A node that died mid-intake: its number was counted and written down as taken (the counter's own transaction
     * committed) but no case was stored. Once older than any intake can last, the next intake takes it, so the
     * numbers stay gap-free; the one after goes on from the counter. While it is young, it is left alone (its intake
     * may still be running).
     */
    @Test
    void aNumberTakenByADeadNodeIsUsedByTheNextIntake() {
        String last = (String) citySupervisor.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");
        int before = sequenceOf(last);
        int year = sequenceYear(last);
        jdbc.sql("UPDATE dc_case_number_sequence SET last_value = last_value + 2 WHERE org_code = 'jishou' AND case_year = ?")
                .param(year).update();
        jdbc.sql("INSERT INTO dc_number_allocation (counter_name, org_code, number_year, number_value, allocated_at) "
                + "VALUES ('dc_case_number_sequence', 'jishou', ?, ?, ?)").params(year, before + 1,
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1)))).update();
        jdbc.sql("INSERT INTO dc_number_allocation (counter_name, org_code, number_year, number_value, allocated_at) "
                + "VALUES ('dc_case_number_sequence', 'jishou', ?, ?, ?)").params(year, before + 2,
                java.sql.Timestamp.from(java.time.Instant.now())).update();

        String taken = (String) citySupervisor.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");
        String next = (String) citySupervisor.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");

        assertThat(sequenceOf(taken)).isEqualTo(before + 1);
        assertThat(sequenceOf(next)).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT number_value FROM dc_number_allocation WHERE org_code = 'jishou' AND number_year = ?")
                .param(year).query(Integer.class).list()).containsExactly(before + 2);
        // the young one's intake is declared dead too: it is released and taken next
        jdbc.sql("UPDATE dc_number_allocation SET released = TRUE WHERE org_code = 'jishou'").update();
        String filled = (String) citySupervisor.openCase(Applications.mediation("jishou")).getBody().get("caseNumber");
        assertThat(sequenceOf(filled)).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dc_number_allocation").query(Integer.class).single()).isZero();
    }

    private static int sequenceYear(String caseNumber) {
        Matcher m = NUMBER.matcher(caseNumber);
        assertThat(m.matches()).as(caseNumber).isTrue();
        return Integer.parseInt(m.group(2));
    }

    /** The highest number given in the organisation's latest year (the list's order is by date, not by number). */
    private int lastNumber(String organisation) {
        return jdbc.sql("SELECT last_value FROM dc_case_number_sequence WHERE org_code = ? ORDER BY case_year DESC "
                + "FETCH FIRST 1 ROWS ONLY").param(organisation).query(Integer.class).optional().orElse(0);
    }

    private static int sequenceOf(String caseNumber) {
        Matcher m = NUMBER.matcher(caseNumber);
        assertThat(m.matches()).as(caseNumber).isTrue();
        return Integer.parseInt(m.group(3));
    }

    private Map<String, Object> caseOf(String caseNumber) {
        ResponseEntity<Map<String, Object>> answer = mediator.getCase(caseNumber);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> openTaskKeys(Map<String, Object> c) {
        return ((List<Map<String, Object>>) c.get("openTasks")).stream().map(t -> (String) t.get("taskKey")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> completedTaskKeys(Map<String, Object> c) {
        return ((List<Map<String, Object>>) c.get("completedTasks")).stream().map(t -> (String) t.get("taskKey"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> timeline(Map<String, Object> c) {
        return ((List<Map<String, Object>>) c.get("timeline")).stream()
                .map(e -> e.get("kind") + " " + e.get("stage")).toList();
    }
}
