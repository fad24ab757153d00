package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The formal end of the chain through the REST API, each step by its own role: mediation fails, the commission
 * accepts, mediation at the hearing fails, the award has a final and a non-final item, the worker sues, the judgment
 * takes effect, the employer does not pay and the worker applies for enforcement. The case record and its documents
 * are checked at each step.
 */
@StaffApiTest
class ArbitrationToCourtIntegrationTests {

    @Autowired
    TestRestTemplate http;

    StaffClient mediator;
    StaffClient arbitrator;
    StaffClient courtLiaison;

    @BeforeEach
    void staff() {
        mediator = new StaffClient(http, "wangfang", "demo");
        arbitrator = new StaffClient(http, "zhaomin", "demo");
        courtLiaison = new StaffClient(http, "sunhao", "demo");
    }

    @Test
    void mediationFailsTheAwardIsMixedTheWorkerSuesAndTheJudgmentIsEnforced() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("summary", "工伤停工留薪期内被公司解除劳动合同，停工留薪期工资未发。");
        application.put("claims", new ArrayList<>(List.of(
                Applications.claim("PAY_INJURY_LEAVE", new BigDecimal("15600.00")),
                Applications.claim("TERM_UNLAWFUL", new BigDecimal("42000.00")))));
        ResponseEntity<Map<String, Object>> opened = mediator.openCase(application);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) opened.getBody().get("caseNumber");

        // mediation fails
        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", "2026-12-01T09:00:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "调解中心", "sessionParticipants", "双方");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "FAILED",
                "sessionRecord", "公司坚持解除合法。", "failureReason", "分歧较大");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "ARBITRATION");
        assertThat(kinds(caseNumber)).contains("MEDIATION_FAILURE_NOTICE");

        // the commission accepts: acceptance notice to the applicant, respondent notice to the employer
        arbitrator.claimAndComplete(caseNumber, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        assertThat(kinds(caseNumber)).contains("ARBITRATION_ACCEPTANCE_NOTICE", "ARBITRATION_RESPONDENT_NOTICE");
        arbitrator.claimAndComplete(caseNumber, "Task_ServeApplicationCopy", "respondentServedOn", "2026-12-02",
                "tribunal", "SOLE", "tribunalNotifiedOn", "2026-12-02");
        arbitrator.claimAndComplete(caseNumber, "Task_RecordDefence", "defenceReceived", true,
                "defenceSummary", "解除合法", "defenceServedOn", "2026-12-07");
        // the hearing noticed at least five days ahead, with the 开庭通知书
        arbitrator.claimAndComplete(caseNumber, "Task_ScheduleHearing", "hearingAt",
                cn.labordispute.calendar.EngineTime.today().plusDays(7) + "T09:30", "hearingPlace", "第一仲裁庭",
                "presidingArbitrator", "赵敏");
        assertThat(html(caseNumber, "ARBITRATION_HEARING_NOTICE")).contains("开庭通知书", "第一仲裁庭", "赵敏", "独任仲裁",
                "开庭三日前请求延期开庭");
        // mediation at the hearing (先行调解) fails, the tribunal goes on to the award
        arbitrator.claimAndComplete(caseNumber, "Task_HoldHearing", "hearingHeldOn", "2026-12-15",
                "hearingRecord", "庭审中主持调解，双方未达成一致。", "mediatedBeforeAward", false);
        assertThat(kinds(caseNumber)).doesNotContain("ARBITRATION_MEDIATION");
        arbitrator.claimAndComplete(caseNumber, "Task_IssueAward", "awardSummary", "支付停工留薪期工资及违法解除赔偿金",
                "awardedAmount", 57600.0, "awardItems", "[{\"causeCode\":\"PAY_INJURY_LEAVE\",\"amount\":15600},"
                        + "{\"causeCode\":\"TERM_UNLAWFUL\",\"amount\":42000}]",
                "awardMadeOn", "2026-12-18", "awardServedOn", "2026-12-20");
        String award = html(caseNumber, "ARBITRATION_AWARD");
        assertThat(award).contains("仲裁裁决书", "停工留薪期工资", "违法解除劳动合同赔偿金", "终局裁决", "非终局");

        // the worker sues on the non-final item
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordAwardResponse", "partySued", true,
                "awardChallenge", "WORKER_SUIT", "suitNote", "劳动者就违法解除赔偿金起诉");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "LITIGATION");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordComplaint", "courtAction", "FILED",
                "courtName", "重庆市渝中区人民法院", "courtCaseNumber", "（2026）渝0103民初5678号",
                "procedure", "SUMMARY", "filedOn", "2026-12-28");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordJudgment", "judgmentKind", "JUDGMENT",
                "judgmentServedOn", "2027-02-01", "judgmentSummary", "被告支付原告违法解除劳动合同赔偿金42000元");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordAppeal", "appealed", false);

        // the judgment takes effect: the performance period, then the employer has not paid
        assertThat(caseOf(caseNumber)).containsEntry("stage", "FULFILMENT").containsEntry("status", "OPEN");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordPerformancePeriod", "effectiveDocument", "JUDGMENT",
                "effectiveDocumentNumber", "（2026）渝0103民初5678号", "performanceAmount", 57600.0,
                "performanceDueOn", "2027-02-26");
        courtLiaison.claimAndComplete(caseNumber, "Task_CheckPerformance", "performedFully", false,
                "performedAmount", 15600.0, "performanceNote", "仅支付停工留薪期工资");
        courtLiaison.claimAndComplete(caseNumber, "Task_ApplyEnforcement", "enforcementCourt", "重庆市渝中区人民法院",
                "enforcementAppliedOn", "2027-03-02", "enforcementAmount", 42000.0, "enforcementNote", "被执行人名下有车辆一辆");

        String enforcement = html(caseNumber, "ENFORCEMENT_APPLICATION");
        assertThat(enforcement).contains("强制执行申请书", "申请执行人", "被执行人", "（2026）渝0103民初5678号民事判决书",
                "人民币肆万贰仟元整", "42,000.00", "57,600.00", "2027年2月26日", "15,600.00", "第二百五十条",
                "重庆市渝中区人民法院", "车辆");
        Map<String, Object> c = caseOf(caseNumber);
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "JUDGMENT_EFFECTIVE");
        assertThat(c.get("timeline").toString()).contains("重庆市渝中区人民法院：已申请强制执行");
        assertThat(kinds(caseNumber)).containsSubsequence("MEDIATION_FAILURE_NOTICE", "ARBITRATION_ACCEPTANCE_NOTICE",
                "ARBITRATION_HEARING_NOTICE", "ARBITRATION_AWARD", "ENFORCEMENT_APPLICATION");
        ResponseEntity<byte[]> pdf = courtLiaison.get((String) document(caseNumber, "ENFORCEMENT_APPLICATION").get("pdf"),
                byte[].class);
        assertThat(new String(pdf.getBody(), 0, 4)).isEqualTo("%PDF");
    }

    /** Legal aid asked for while arbitration runs: the arbitration is untouched, the lawyer's draft is on record. */
    @Test
    void legalAidWhileArbitrationRunsPutsTheLawyersDraftOnRecord() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("requestedProcedure", "ARBITRATION");
        ResponseEntity<Map<String, Object>> opened = mediator.openCase(application);
        String caseNumber = (String) opened.getBody().get("caseNumber");
        arbitrator.claimAndComplete(caseNumber, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        ResponseEntity<Map<String, Object>> asked = mediator.post(caseNumber, "/legal-aid-requests", Map.of());
        assertThat(asked.getStatusCode().is2xxSuccessful()).as(String.valueOf(asked.getBody())).isTrue();

        StaffClient legalAid = new StaffClient(http, "chenjing", "demo");
        legalAid.claimAndComplete(caseNumber, "Task_ReviewLegalAid", "exemptGroup", "MIGRANT_WAGES",
                "financialHardship", false, "urgent", false, "decisionReason", "进城务工人员追索劳动报酬");
        legalAid.claimAndComplete(caseNumber, "Task_AssignLawyer", "lawyerName", "吴律师", "lawFirm", "重庆渝州律师事务所",
                "lawyerPhone", "13900001234");
        legalAid.claimAndComplete(caseNumber, "Task_RecordLawyerDrafts", "draftedDocument", "CIVIL_COMPLAINT",
                "draftedClaims", "一、判令被告支付原告拖欠工资6200元。", "draftedFacts", "原告自2026年3月起在被告处工作，被告拖欠工资。",
                "courtName", "重庆市渝中区人民法院");

        assertThat(arbitrator.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .as("arbitration goes on untouched").containsExactly("Task_ServeApplicationCopy");
        assertThat(caseOf(caseNumber)).containsEntry("stage", "ARBITRATION");
        assertThat(html(caseNumber, "LEGAL_AID_APPLICATION")).contains("法律援助申请表", "进城务工人员", caseNumber);
        assertThat(html(caseNumber, "LEGAL_AID_DECISION")).contains("给予法律援助", "第四十二条");
        assertThat(html(caseNumber, "CIVIL_COMPLAINT")).contains("民事起诉状", "原告", "被告", "委托诉讼代理人：吴律师",
                "重庆渝州律师事务所", "判令被告支付原告拖欠工资6200元", "重庆市渝中区人民法院");
        assertThat(caseOf(caseNumber).get("timeline").toString()).contains("给予法律援助，指派律师：吴律师",
                "法律援助律师吴律师代拟民事起诉状");
    }

    /** Clear facts decided first with advance execution: the 先行裁决书, while the award goes on. */
    @Test
    void wagesDecidedFirstAndExecutedInAdvanceWhileTheRestIsHeard() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("requestedProcedure", "ARBITRATION");
        String caseNumber = (String) mediator.openCase(application).getBody().get("caseNumber");
        arbitrator.claimAndComplete(caseNumber, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        arbitrator.claimAndComplete(caseNumber, "Task_ServeApplicationCopy", "respondentServedOn", "2026-12-02",
                "tribunal", "SOLE", "tribunalNotifiedOn", "2026-12-02");
        arbitrator.claimAndComplete(caseNumber, "Task_RecordDefence", "defenceReceived", false);
        arbitrator.claimAndComplete(caseNumber, "Task_ScheduleHearing", "hearingAt",
                cn.labordispute.calendar.EngineTime.today().plusDays(5) + "T14:00", "hearingPlace", "第二仲裁庭",
                "presidingArbitrator", "赵敏");
        arbitrator.claimAndComplete(caseNumber, "Task_HoldHearing", "hearingHeldOn", "2026-12-08",
                "hearingRecord", "欠薪事实清楚", "mediatedBeforeAward", false, "partialAward", true);
        ResponseEntity<String> refused = arbitrator.tryClaimAndComplete(caseNumber, "Task_IssuePartialAward",
                "partialAwardCause", "PAY_ARREARS", "partialAwardAmount", 6200.0, "partialAwardFacts", "拖欠工资6200元",
                "advanceExecution", true, "rightsClear", true, "livelihoodAffected", false,
                "advanceExecutionCourt", "重庆市渝中区人民法院");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("livelihoodAffected");
        assertThat(kinds(caseNumber)).doesNotContain("PARTIAL_AWARD");
        arbitrator.claimAndComplete(caseNumber, "Task_IssuePartialAward", "partialAwardCause", "PAY_ARREARS",
                "partialAwardAmount", 6200.0, "partialAwardFacts", "被申请人拖欠申请人2026年10月工资6200元，有工资条为证。",
                "advanceExecution", true, "rightsClear", true, "livelihoodAffected", true,
                "advanceExecutionCourt", "重庆市渝中区人民法院");

        assertThat(html(caseNumber, "PARTIAL_AWARD")).contains("先行裁决书", "第四十三条第二款", "拖欠工资", "人民币陆仟贰佰元整",
                "先予执行", "第四十四条", "移送重庆市渝中区人民法院执行", "继续审理");
        assertThat(arbitrator.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_IssueAward");
        assertThat(caseOf(caseNumber).get("timeline").toString()).contains("先行裁决并先予执行：拖欠工资");
    }

    private Map<String, Object> caseOf(String caseNumber) {
        return mediator.getCase(caseNumber).getBody();
    }

    private List<String> kinds(String caseNumber) {
        return mediator.documents(caseNumber).stream().map(d -> (String) d.get("kind")).toList();
    }

    private Map<String, Object> document(String caseNumber, String kind) {
        return mediator.documents(caseNumber).stream().filter(x -> kind.equals(x.get("kind"))).reduce((a, b) -> b)
                .orElseThrow();
    }

    private String html(String caseNumber, String kind) {
        ResponseEntity<String> answer = mediator.get((String) document(caseNumber, kind).get("html"), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
