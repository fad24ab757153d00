package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * One test per path through legal-aid.bpmn: an exempt worker (no financial check), financial hardship, an urgent case
 * (aid first, papers later), refused without objection, refused with an objection upheld or rejected — whether aid is
 * given is the legal_aid_eligibility table's answer.
 */
class LegalAidProcessTests extends ProcessTestSupport {

    private void review(String exemptGroup, boolean hardship, boolean urgent) {
        complete("Task_ReviewLegalAid", "exemptGroup", exemptGroup, "financialHardship", hardship, "urgent", urgent,
                "decisionReason", "审查情况");
    }

    @Test
    void anExemptWorkerGetsAidWithoutTheFinancialCheckAndALawyerInThreeDays() {
        ProcessInstance pi = start("legal_aid");
        assertThat(candidateGroups("Task_ReviewLegalAid")).containsExactly("legal-aid-yuzhong");
        // 7 days from Thu 24 Sep end on Thu 1 Oct, 国庆: the period ends on Thu 8 Oct
        assertThat(dueDay("Task_ReviewLegalAid")).isEqualTo(LocalDate.of(2026, 10, 8));
        review("MIGRANT_WAGES", false, false);

        assertThat(pi).isWaitingAt("Task_AssignLawyer");
        assertThat(variable(pi, "eligibility")).isEqualTo("EXEMPT");
        assertThat(documents.issuedAt).contains("LEGAL_AID_DECISION@Task_CheckEligibility");
        complete("Task_AssignLawyer", "lawyerName", "吴律师", "lawFirm", "重庆某律师事务所");
        assertThat(pi).isWaitingAt("Task_RecordLawyerDrafts");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "ARBITRATION_APPLICATION",
                "draftedClaims", "一、裁决被申请人支付拖欠工资6200元。", "draftedFacts", "申请人于2026年3月入职……");
        assertThat(pi).isEnded().hasPassed("EndEvent_LawyerAssigned").hasNotPassed("Task_CompletePapers");
        assertThat(documents.issuedAt).containsExactly("LEGAL_AID_APPLICATION@StartEvent_LegalAidApplied",
                "LEGAL_AID_DECISION@Task_CheckEligibility", "ARBITRATION_APPLICATION@Task_RecordLawyerDrafts");
        assertThat(stages.calls).containsExactly("note LEGAL_AID 申请法律援助", "note LEGAL_AID 给予法律援助，指派律师：吴律师",
                "note LEGAL_AID 法律援助律师吴律师代拟仲裁申请书");
    }

    @Test
    void financialHardshipGetsAid() {
        ProcessInstance pi = start("legal_aid");
        review("NONE", true, false);
        assertThat(variable(pi, "eligibility")).isEqualTo("HARDSHIP");
        complete("Task_AssignLawyer", "lawyerName", "吴律师");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "CIVIL_COMPLAINT", "courtName", "重庆市渝中区人民法院");
        assertThat(pi).isEnded().hasPassed("EndEvent_LawyerAssigned");
        assertThat(variable(pi, "legalAidOutcome")).isEqualTo("GRANTED");
        assertThat(documents.issued).contains("CIVIL_COMPLAINT");
    }

    @Test
    void anUrgentCaseGetsAidFirstAndThePapersLater() {
        ProcessInstance pi = start("legal_aid");
        review("NONE", false, true);
        assertThat(variable(pi, "eligibility")).isEqualTo("URGENT");
        complete("Task_AssignLawyer", "lawyerName", "吴律师");
        assertThat(pi).isWaitingAt("Task_CompletePapers");
        complete("Task_CompletePapers", "papersComplete", true, "papersNote", "收入证明");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "NONE");
        assertThat(pi).isEnded().hasPassed("EndEvent_LawyerAssigned");
        assertThat(documents.issued).doesNotContain("ARBITRATION_APPLICATION", "CIVIL_COMPLAINT");
    }

    @Test
    void refusedWithoutAnObjection() {
        ProcessInstance pi = start("legal_aid");
        review("NONE", false, false);
        assertThat(variable(pi, "eligibility")).isEqualTo("NOT_ELIGIBLE");
        complete("Task_RecordObjection", "objected", false);

        assertThat(pi).isEnded().hasPassed("EndEvent_LegalAidRefused");
        assertThat(variable(pi, "legalAidOutcome")).isEqualTo("REFUSED");
    }

    @Test
    void anObjectionDecidedInFiveDaysCanOrderAid() {
        ProcessInstance pi = start("legal_aid");
        review("NONE", false, false);
        complete("Task_RecordObjection", "objected", true, "objectionReceivedOn", "2026-09-25", "objectionReason", "收入低于标准");
        assertThat(candidateGroups("Task_DecideObjection")).containsExactly("supervisor-yuzhong");
        // 5 days from Fri 25 Sep: Wed 30 Sep
        assertThat(dueDay("Task_DecideObjection")).isEqualTo(LocalDate.of(2026, 9, 30));
        complete("Task_DecideObjection", "objectionUpheld", true, "objectionDecisionNote", "责令给予法律援助");
        complete("Task_AssignLawyer", "lawyerName", "吴律师");
        complete("Task_RecordLawyerDrafts", "draftedDocument", "NONE");
        assertThat(pi).isEnded().hasPassed("EndEvent_LawyerAssigned");
    }

    @Test
    void anObjectionRejectedKeepsTheRefusal() {
        ProcessInstance pi = start("legal_aid");
        review("NONE", false, false);
        complete("Task_RecordObjection", "objected", true, "objectionReceivedOn", "2026-09-25");
        complete("Task_DecideObjection", "objectionUpheld", false, "objectionDecisionNote", "维持");
        assertThat(pi).isEnded().hasPassed("EndEvent_LegalAidRefused");
    }
}
