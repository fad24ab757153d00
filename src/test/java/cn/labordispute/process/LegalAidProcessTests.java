package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class LegalAidProcessTests extends ProcessTestSupport {

    @Test
    void grantsAidAndAssignsLawyer() {
        ProcessInstance pi = start("legal_aid");
        assertThat(candidateGroups("Task_ReviewLegalAid")).containsExactly("legal-aid-yuzhong");
        // 7 days from Thu 24 Sep end on Thu 1 Oct, 国庆: the period ends on Thu 8 Oct
        assertThat(dueDay("Task_ReviewLegalAid")).isEqualTo(LocalDate.of(2026, 10, 8));
        complete("Task_ReviewLegalAid", "exemptGroup", "MIGRANT_WAGES", "legalAidGranted", true,
                "decisionReason", "进城务工人员请求支付劳动报酬");
        complete("Task_AssignLawyer", "lawyerName", "吴律师", "lawFirm", "重庆某律师事务所");

        assertThat(pi).isEnded().hasPassed("EndEvent_LawyerAssigned");
        assertThat(stages.calls).containsExactly("note LEGAL_AID 申请法律援助", "note LEGAL_AID 给予法律援助，指派律师：吴律师");
    }

    @Test
    void refusesAid() {
        ProcessInstance pi = start("legal_aid");
        complete("Task_ReviewLegalAid", "exemptGroup", "NONE", "financialHardship", false, "legalAidGranted", false,
                "decisionReason", "不符合经济困难标准");

        assertThat(pi).isEnded().hasPassed("EndEvent_LegalAidRefused");
        assertThat(variable(pi, "legalAidOutcome")).isEqualTo("REFUSED");
    }
}
