package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import cn.labordispute.deadlines.Deadlines;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The main process: every path between stages that the law allows, driven through the real stage processes. */
class LaborDisputeCaseProcessTests extends ProcessTestSupport {

    private ProcessInstance open(String requestedProcedure) {
        return start("labor_dispute_case", "requestedProcedure", requestedProcedure, "collective", false,
                "wageArrears", true, "applicationReceivedOn", TODAY.toString());
    }

    private ProcessInstance openOnline() {
        return start("labor_dispute_case", "requestedProcedure", "MEDIATION", "collective", false,
                "wageArrears", true, "applicationReceivedOn", TODAY.toString(), "applicationChannel", "PORTAL");
    }

    private void mediationAccepted() {
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
    }

    private void mediationAgrees() {
        mediationAccepted();
        agreementSigned(4000.0, "2026-10-20");
    }

    private void mediationFails() {
        mediationAccepted();
        mediationSession("FAILED");
    }

    private void fulfilmentChecked(boolean fulfilled, String remedy) {
        complete("Task_AssessPerformance", "performanceCapacity", "GOOD", "capacityNote", "正常", "paidOnTheSpot", false,
                "noticeServedOn", "2026-09-24");
        complete("Task_CheckFulfilment", "installmentPaid", fulfilled, "paidAmount", fulfilled ? 4000.0 : 0.0,
                "fulfilmentNote", "核查");
        if (!fulfilled) {
            complete("Task_AdviseRemedy", "remedy", remedy, "remedyNote", "告知");
        }
    }

    private void awardChallenged() {
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        servedAndDefended();
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", false);
        complete("Task_IssueAward", "awardSummary", "裁决", "awardedAmount", 30000.0,
                "awardItems", "[{\"causeCode\":\"TERM_UNLAWFUL\",\"amount\":30000}]", "awardMadeOn", "2026-11-01",
                "awardServedOn", "2026-11-02");
        complete("Task_RecordAwardResponse", "partySued", true);
    }

    /** The effective award or judgment: its performance period recorded, and performed by the last day. */
    private void effectiveDocumentPerformed() {
        complete("Task_RecordPerformancePeriod", "effectiveDocument", "ARBITRATION_AWARD",
                "effectiveDocumentNumber", "渝中劳人仲案字〔2026〕第42号", "performanceAmount", 20000.0,
                "performanceDueOn", "2026-11-20");
        complete("Task_CheckPerformance", "performedFully", true, "performedAmount", 20000.0, "performanceNote", "已付清");
    }

    private void followUpDone(ProcessInstance pi) {
        complete("Task_ReturnVisit", "satisfaction", "5", "needsCounselling", false, "needsJobReferral", false,
                "needsHardshipAid", false, "visitNote", "满意");
        assertThat(pi).isEnded().hasPassed("Task_CloseCase", "Task_ArchiveCase", "EndEvent_CaseArchived");
    }

    @Test
    void triageSendsRequestedArbitrationStraightToArbitration() {
        ProcessInstance pi = open("ARBITRATION");

        assertThat(pi).hasPassed("Task_TriageCase").isWaitingAt("CallActivity_Arbitration");
        assertThat(variable(pi, "firstStage")).isEqualTo("ARBITRATION");
    }

    @Test
    void aDirectArbitrationApplicationCountsItsAcceptancePeriodFromTheDayItWasReceivedNotRegistered() {
        // received on Friday 4 December, registered on Monday 7 December: five days from the 4th end on the 9th
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 12, 7), 9));
        ProcessInstance pi = start("labor_dispute_case", "requestedProcedure", "ARBITRATION", "collective", false,
                "wageArrears", true, "applicationReceivedOn", "2026-12-04");

        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
        assertThat(dueDay("Task_DecideArbitrationAcceptance")).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void anArbitrationAfterAFailedMediationCountsFromTheDayItBeginsNotFromTheFirstApplication() {
        ProcessInstance pi = open("MEDIATION"); // received Thu 24 September
        mediationAccepted();
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 10, 12), 9)); // the mediation fails on Monday 12 October
        mediationSession("FAILED");

        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
        // five days from the 12th end on Saturday the 17th, so on the next working day
        assertThat(dueDay("Task_DecideArbitrationAcceptance")).isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void fulfilledNegotiationClosesTheCase() {
        ProcessInstance pi = open("NEGOTIATION");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        complete("Task_ConductNegotiation", "negotiationResult", "SETTLED", "sessionRecord", "和解", "agreedAmount", 3100.0,
                "paymentDueDate", "2026-10-20");
        complete("Task_CheckSettlementFulfilment", "installmentPaid", true, "paidAmount", 3100.0, "fulfilmentNote", "已支付");

        followUpDone(pi);
        assertThat(stages.calls).containsExactly("enter NEGOTIATION", "close SETTLEMENT_FULFILLED", "enter FOLLOW_UP",
                "enter ARCHIVED");
    }

    @Test
    void failedNegotiationMovesToMediationAndAgreementIsFulfilled() {
        ProcessInstance pi = open("NEGOTIATION");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", false);
        assertThat(pi).isWaitingAt("CallActivity_Mediation");
        mediationAgrees();
        assertThat(pi).isWaitingAt("CallActivity_Fulfilment");
        fulfilmentChecked(true, null);

        followUpDone(pi);
        assertThat(stages.calls).containsExactly("enter NEGOTIATION", "enter MEDIATION", "enter FULFILMENT",
                "close AGREEMENT_FULFILLED", "enter FOLLOW_UP", "enter ARCHIVED");
    }

    @Test
    void withdrawnMediationClosesTheCase() {
        ProcessInstance pi = open("MEDIATION");
        mediationAccepted();
        mediationSession("WITHDRAWN");

        followUpDone(pi);
        assertThat(stages.calls).contains("close WITHDRAWN");
        assertThat(subsidies.outcomes).as("以案定补 asked at closure").containsExactly("WITHDRAWN");
    }

    @Test
    void failedMediationGoesToArbitrationAndTheAwardTakesEffect() {
        ProcessInstance pi = open("MEDIATION");
        mediationFails();
        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        servedAndDefended();
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", false);
        complete("Task_IssueAward", "awardSummary", "裁决", "awardedAmount", 20000.0,
                "awardItems", "[{\"causeCode\":\"PAY_ARREARS\",\"amount\":20000}]", "awardMadeOn", "2026-11-01",
                "awardServedOn", "2026-11-02");
        complete("Task_RecordAwardResponse", "partySued", false);
        assertThat(pi).isWaitingAt("CallActivity_Enforcement");
        effectiveDocumentPerformed();

        followUpDone(pi);
        assertThat(stages.calls).contains("close AWARD_EFFECTIVE");
    }

    @Test
    void awardAppealedGoesToLitigationAndJudgmentCloses() {
        ProcessInstance pi = open("MEDIATION");
        mediationFails();
        awardChallenged();
        assertThat(pi).isWaitingAt("CallActivity_Litigation");
        complete("Task_RecordComplaint", "courtAction", "FILED", "courtName", "渝中区人民法院", "procedure", "SUMMARY",
                "filedOn", "2026-11-20");
        complete("Task_RecordJudgment", "judgmentKind", "JUDGMENT", "judgmentServedOn", "2026-12-01", "judgmentSummary", "判决");
        complete("Task_RecordAppeal", "appealed", false);
        effectiveDocumentPerformed();

        followUpDone(pi);
        assertThat(stages.stagesEntered()).containsExactly("MEDIATION", "ARBITRATION", "LITIGATION", "FULFILMENT",
                "FOLLOW_UP", "ARCHIVED");
        assertThat(stages.calls).contains("close JUDGMENT_EFFECTIVE");
    }

    @Test
    void courtEntrustedMediationAgreementGoesToFulfilment() {
        ProcessInstance pi = open("MEDIATION");
        mediationFails();
        awardChallenged();
        complete("Task_RecordComplaint", "courtAction", "PRE_LITIGATION_MEDIATION", "courtName", "渝中区人民法院");
        mediationAgrees();

        assertThat(pi).isWaitingAt("CallActivity_Fulfilment");
        fulfilmentChecked(true, null);
        followUpDone(pi);
    }

    @Test
    void arbitrationEntrustedMediationAgreementGoesToFulfilment() {
        ProcessInstance pi = open("ARBITRATION");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ENTRUST_MEDIATION");
        mediationAgrees();

        assertThat(pi).isWaitingAt("CallActivity_Fulfilment");
        assertThat(stages.stagesEntered()).containsExactly("ARBITRATION", "MEDIATION", "ARBITRATION", "FULFILMENT");
    }

    @Test
    void unfulfilledAgreementGoesToArbitration() {
        ProcessInstance pi = open("MEDIATION");
        mediationAgrees();
        fulfilmentChecked(false, "ARBITRATION");

        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
    }

    @Test
    void unpaidRemunerationGoesToPaymentOrder() {
        ProcessInstance pi = open("MEDIATION");
        mediationAgrees();
        fulfilmentChecked(false, "PAYMENT_ORDER");

        assertThat(pi).isWaitingAt("CallActivity_Litigation");
        complete("Task_RecordPaymentOrderAcceptance", "paymentOrderAccepted", true, "courtName", "渝中区人民法院");
        complete("Task_RecordPaymentOrderIssued", "paymentOrderIssued", true, "paymentOrderServedOn", "2026-10-30");
        complete("Task_RecordDebtorResponse", "paymentOrderResult", "PAID");
        followUpDone(pi);
        assertThat(stages.calls).contains("close PAYMENT_ORDER_PAID");
    }

    @Test
    void legalAidRunsBesideTheCurrentStage() {
        ProcessInstance pi = open("MEDIATION");
        engine.getRuntimeService().createMessageCorrelation("LegalAidRequested").processInstanceId(pi.getId())
                .correlate();

        assertThat(pi).isWaitingAt("CallActivity_Mediation", "CallActivity_LegalAid");
        complete("Task_ReviewLegalAid", "exemptGroup", "MIGRANT_WAGES", "financialHardship", false, "urgent", false,
                "decisionReason", "符合");
        complete("Task_AssignLawyer", "lawyerName", "吴律师", "lawFirm", "某律师事务所");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "ARBITRATION_APPLICATION");
        assertThat(pi).isWaitingAt("CallActivity_Mediation").hasPassed("EndEvent_LegalAidHandled");
        mediationFails();
        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
    }

    @Test
    void withdrawalAtAnyStageClosesAndFollowsUp() {
        ProcessInstance pi = open("MEDIATION");
        mediationFails();
        assertThat(pi).isWaitingAt("CallActivity_Arbitration");

        engine.getRuntimeService().createMessageCorrelation("CaseWithdrawn").processInstanceId(pi.getId()).correlate();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("arbitration").count())
                .isZero();
        complete("Task_ReturnVisit", "satisfaction", "4", "needsCounselling", false, "needsJobReferral", false,
                "needsHardshipAid", false, "visitNote", "已撤回");
        assertThat(pi).isEnded().hasPassed("Task_CloseWithdrawnCase", "EndEvent_WithdrawnCaseArchived");
        assertThat(stages.calls).contains("close WITHDRAWN");
    }

    @Test
    void workerWhoLeavesAnExtendedMediationAfterFifteenDaysGoesToArbitration() {
        ProcessInstance pi = open("MEDIATION");
        mediationAccepted();
        mediationSession("EXTENDED", "bothPartiesConsent", true, "extendedUntil", "2026-10-23");
        fireTimer("Timer_StatutoryLimitPassed");
        complete("Task_OfferArbitration", "workerChoosesArbitration", true, "offerNote", "劳动者申请仲裁");

        assertThat(pi).isWaitingAt("CallActivity_Arbitration");
        assertThat(openTask("Task_DecideArbitrationAcceptance")).isNotNull();
        assertThat(stages.stagesEntered()).endsWith("MEDIATION", "ARBITRATION");
    }

    @Test
    void onlineApplicationWaitsForTheApplicantToConfirmTheRestatedClaims() {
        ProcessInstance pi = openOnline();
        assertThat(pi).isWaitingAt("Task_RestateClaims");
        assertThat(candidateGroups("Task_RestateClaims")).containsExactly("mediator-yuzhong");
        complete("Task_RestateClaims", "claim1Cause", "PAY_ARREARS", "claim1Amount", 6200.0);

        assertThat(pi).isWaitingAt("Task_AwaitClaimsConfirmation");
        engine.getRuntimeService().createMessageCorrelation("ClaimsConfirmed").processInstanceBusinessKey(CASE)
                .setVariable("claimsConfirmation", "CONFIRMED").correlate();

        assertThat(pi).hasPassed("Gateway_ClaimsSettled", "Task_TriageCase").isWaitingAt("CallActivity_Mediation");
        assertThat(openTask("Task_DecideMediationAcceptance")).isNotNull();
    }

    @Test
    void aCorrectionSendsTheClaimsBackToStaff() {
        ProcessInstance pi = openOnline();
        complete("Task_RestateClaims", "claim1Cause", "PAY_ARREARS", "claim1Amount", 6200.0);
        engine.getRuntimeService().createMessageCorrelation("ClaimsConfirmed").processInstanceBusinessKey(CASE)
                .setVariable("claimsConfirmation", "CORRECTION").setVariable("claimsCorrectionNote", "金额应为 6500 元")
                .correlate();

        assertThat(pi).isWaitingAt("Task_RestateClaims").hasNotPassed("Task_TriageCase");
    }

    @Test
    void silenceOnTheClaimsLeadsToAPhoneCallWhenTheConfirmationPeriodEnds() {
        ProcessInstance pi = openOnline();
        complete("Task_RestateClaims", "claim1Cause", "PAY_ARREARS", "claim1Amount", 6200.0);
        // CLAIMS_CONFIRMATION: 5 days from Thu 24 Sep end Tue 29 Sep
        assertThat(Deadlines.toLocalDate(job("Timer_ClaimsConfirmationDue").getDuedate())).isEqualTo(LocalDate.of(2026, 9, 29));
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 30), 9));
        engine.getManagementService().executeJob(job("Timer_ClaimsConfirmationDue").getId());

        assertThat(pi).isWaitingAt("Task_ConfirmClaimsByPhone");
        complete("Task_ConfirmClaimsByPhone", "claimsConfirmation", "CONFIRMED", "claimsCorrectionNote", "9月30日电话确认");
        assertThat(pi).hasPassed("Task_TriageCase").isWaitingAt("CallActivity_Mediation");
    }

    @Test
    void aCaseFiledAtTheWindowGoesStraightToTriage() {
        ProcessInstance pi = open("MEDIATION");
        assertThat(pi).hasPassed("Gateway_OnlineApplication", "Task_TriageCase").hasNotPassed("Task_RestateClaims");
    }

    private org.camunda.bpm.engine.runtime.Job job(String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE)
                        .processDefinitionKey("labor_dispute_case").singleResult().getId())
                .activityId(activityId).singleResult();
    }

    @Test
    void collectiveWageArrearsBringsInLabourInspectionBesideTheCase() {
        ProcessInstance pi = start("labor_dispute_case", "requestedProcedure", "MEDIATION", "collective", true,
                "wageArrears", true, "applicationReceivedOn", TODAY.toString());

        assertThat(pi).isWaitingAt("Task_LabourInspection", "Task_RegisterRepresentatives");
        assertThat(candidateGroups("Task_LabourInspection")).containsExactly("supervisor-yuzhong");
        complete("Task_LabourInspection", "inspectionAction", "ORDER_TO_PAY", "inspectionNote", "已责令限期支付");
        assertThat(pi).hasPassed("EndEvent_InspectionRecorded").isWaitingAt("Task_RegisterRepresentatives");
        assertThat(stages.calls).contains("note LABOUR_INSPECTION 已责令限期支付");
    }

    @Test
    void aCollectiveCaseWithoutWageArrearsHasNoTaskForce() {
        ProcessInstance pi = start("labor_dispute_case", "requestedProcedure", "MEDIATION", "collective", true,
                "wageArrears", false, "applicationReceivedOn", TODAY.toString());
        assertThat(pi).isWaitingAt("Task_RegisterRepresentatives").hasNotPassed("Task_LabourInspection");
    }

    private ProcessInstance openCollective() {
        ProcessInstance pi = start("labor_dispute_case", "requestedProcedure", "MEDIATION", "collective", true,
                "wageArrears", false, "applicationReceivedOn", TODAY.toString());
        assertThat(candidateGroups("Task_RegisterRepresentatives")).containsExactly("mediator-yuzhong");
        complete("Task_RegisterRepresentatives", "representatives", "张三\n李四\n王五", "electionNote", "职工大会推举");
        return pi;
    }

    @Test
    void theWorkersOfACollectiveCaseElectRepresentativesBeforeTheFirstStage() {
        ProcessInstance pi = openCollective();

        assertThat(pi).hasPassed("Gateway_Collective", "Task_RegisterRepresentatives").isWaitingAt("CallActivity_Mediation");
        assertThat(collectiveWorkers.calls).containsExactly("representatives 张三\n李四\n王五");
    }

    @Test
    void anIndividualCaseHasNoRepresentatives() {
        ProcessInstance pi = open("MEDIATION");
        assertThat(pi).hasPassed("Gateway_Collective", "Gateway_RepresentativesRegistered")
                .hasNotPassed("Task_RegisterRepresentatives").isWaitingAt("CallActivity_Mediation");
    }

    /** Some workers settle, the others go on: fulfilment and arbitration run side by side, the case closes once. */
    @Test
    void workersWhoSettleGoToFulfilmentWhileTheOthersGoToArbitrationAndTheCaseClosesOnce() {
        ProcessInstance pi = openCollective();
        mediationAccepted();
        mediationSession("AGREEMENT");
        complete("Task_DraftMediationAgreement", "agreementItems", "支付10名职工工资", "agreedAmount", 40000.0,
                "unsettledWorkers", "赵六\n钱七", "paymentDueDate", "2026-10-20", "firstPaymentAmount", 40000.0,
                "consolidation", "NONE");
        complete("Task_RecordAgreementSignature", "agreementSigned", true, "agreementSignedOn", "2026-09-25",
                "signatureNote", "双方当场签署");

        assertThat(pi).hasPassed("Gateway_PartialAgreement").isWaitingAt("CallActivity_Fulfilment", "CallActivity_Arbitration");
        assertThat(variable(pi, "continuingWorkers")).isEqualTo(2);
        fulfilmentChecked(true, null);
        assertThat(collectiveWorkers.calls).contains("fulfilment FULFILLED");
        assertThat(pi).as("the others are still in arbitration").isWaitingAt("CallActivity_Arbitration")
                .hasNotPassed("Task_CloseCase");

        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        servedAndDefended("PANEL");
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", false);
        complete("Task_IssueAward", "awardSummary", "裁决", "awardedAmount", 8000.0,
                "awardItems", "[{\"causeCode\":\"PAY_ARREARS\",\"amount\":8000}]", "awardMadeOn", "2026-11-01",
                "awardServedOn", "2026-11-02");
        complete("Task_RecordAwardResponse", "partySued", false);
        effectiveDocumentPerformed();

        followUpDone(pi);
        assertThat(stages.calls.stream().filter(c -> c.startsWith("close"))).containsExactly("close AWARD_EFFECTIVE");
        assertThat(stages.stagesEntered()).containsExactly("MEDIATION", "FULFILMENT", "ARBITRATION", "FULFILMENT",
                "FOLLOW_UP", "ARCHIVED");
    }

    @Test
    void whenEveryWorkerSettlesOnlyTheFulfilmentRuns() {
        ProcessInstance pi = openCollective();
        mediationAgrees();

        assertThat(pi).hasPassed("Gateway_PartialAgreement").isWaitingAt("CallActivity_Fulfilment")
                .hasNotPassed("CallActivity_Arbitration");
        assertThat(collectiveWorkers.calls).contains("agreement 0");
        fulfilmentChecked(true, null);
        followUpDone(pi);
        assertThat(stages.calls).contains("close AGREEMENT_FULFILLED");
    }

    @Test
    void anOralApplicationIsCheckedAndSignedBeforeTheCaseGoesOn() {
        ProcessInstance pi = start("labor_dispute_case", "requestedProcedure", "MEDIATION", "collective", false,
                "wageArrears", true, "applicationReceivedOn", TODAY.toString(), "applicationChannel", "ORAL",
                "firstResponder", "zhanglei");

        assertThat(pi).isWaitingAt("Task_ConfirmOralApplication");
        assertThat(openTask("Task_ConfirmOralApplication").getAssignee()).as("首问负责").isEqualTo("zhanglei");
        assertThat(documents.issuedAt).containsExactly("ORAL_APPLICATION_RECORD@Task_ConfirmOralApplication");
        complete("Task_ConfirmOralApplication", "oralRecordConfirmed", false, "oralRecordCorrections", "拖欠工资应为三个月");
        assertThat(pi).isWaitingAt("Task_ConfirmOralApplication").hasNotPassed("Task_TriageCase");
        assertThat(documents.issued).as("the corrected record again").containsExactly("ORAL_APPLICATION_RECORD",
                "ORAL_APPLICATION_RECORD");
        complete("Task_ConfirmOralApplication", "oralRecordConfirmed", true, "oralConfirmedOn", TODAY.toString());

        assertThat(pi).hasPassed("Task_TriageCase").isWaitingAt("CallActivity_Mediation").hasNotPassed("Task_RestateClaims");
    }

    @Test
    void legalAidAskedForDuringArbitrationLeavesTheArbitrationAsItWas() {
        ProcessInstance pi = open("ARBITRATION");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        java.util.Date serviceDue = openTask("Task_ServeApplicationCopy").getDueDate();
        engine.getRuntimeService().createMessageCorrelation("LegalAidRequested").processInstanceId(pi.getId())
                .correlate();

        assertThat(pi).isWaitingAt("CallActivity_Arbitration", "CallActivity_LegalAid");
        complete("Task_ReviewLegalAid", "exemptGroup", "MIGRANT_WAGES", "financialHardship", false, "urgent", false,
                "decisionReason", "符合");
        complete("Task_AssignLawyer", "lawyerName", "吴律师", "lawFirm", "某律师事务所");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "NONE");

        assertThat(pi).hasPassed("EndEvent_LegalAidHandled").isWaitingAt("CallActivity_Arbitration");
        assertThat(openTask("Task_ServeApplicationCopy").getDueDate()).as("the arbitration's own deadline unchanged")
                .isEqualTo(serviceDue);
        servedAndDefended();
        assertThat(stages.stagesEntered()).containsExactly("ARBITRATION");
    }
}
