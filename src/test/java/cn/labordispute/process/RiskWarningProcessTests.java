package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** One test per path through risk-warning.bpmn. Reported Thursday 24 September 2026 (see {@link ProcessTestSupport}). */
class RiskWarningProcessTests extends ProcessTestSupport {

    private ProcessInstance report(int workers, double amount, String source, boolean petitionRisk) {
        return start("risk_warning", "riskNumber", "渝中风险〔2026〕0001号", "employerName", "重庆渝建建筑劳务有限公司",
                "workers", workers, "amount", amount, "source", source, "petitionRisk", petitionRisk,
                "riskReportedOn", TODAY.toString());
    }

    private void planned(String dueDate) {
        complete("Task_ResponsePlan", "responsePlan", "约谈用人单位，督促制定工资支付计划", "riskOwner", "wangfang",
                "followUpDueDate", dueDate);
    }

    @Test
    void aGeneralRiskIsPlannedFollowedUpAndClosed() {
        ProcessInstance pi = report(3, 20000.0, "STAFF", false);

        assertThat(pi).hasPassed("Task_GradeRisk").hasNotPassed("Task_FirstResponse").isWaitingAt("Task_ResponsePlan");
        assertThat(candidateGroups("Task_ResponsePlan")).containsExactly("supervisor-yuzhong");
        planned("2026-10-09");
        assertThat(openTask("Task_FollowUpRisk").getAssignee()).isEqualTo("wangfang");
        assertThat(dueDay("Task_FollowUpRisk")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_FollowUpRisk", "riskOutcome", "CLOSED", "followUpNote", "单位已补发工资");

        assertThat(pi).isEnded().hasPassed("EndEvent_RiskClosed");
        assertThat(riskLedger.calls).containsExactly("graded GENERAL INDIVIDUAL", "planned wangfang",
                "followedUp CLOSED", "close CLOSED");
    }

    @Test
    void aRiskOfACollectivePetitionGetsAFirstResponseAndIsReportedToTheCity() {
        ProcessInstance pi = report(8, 50000.0, "COMPLAINT", true);

        assertThat(pi).isWaitingAt("Task_FirstResponse", "Task_ReportToCity");
        assertThat(candidateGroups("Task_FirstResponse")).containsExactly("supervisor-yuzhong");
        assertThat(candidateGroups("Task_ReportToCity")).containsExactly("supervisor-city");
        // RISK_FIRST_RESPONSE, 1 day from Thu 24 Sep: Fri 25 is 中秋, the weekend follows, so Mon 28 Sep
        assertThat(dueDay("Task_FirstResponse")).isEqualTo(LocalDate.of(2026, 9, 28));
        complete("Task_FirstResponse", "firstResponseNote", "当天到现场，约谈单位负责人");
        assertThat(pi).isWaitingAt("Task_ReportToCity").hasNotPassed("Task_ResponsePlan");
        complete("Task_ReportToCity", "cityInstruction", "已知悉，三日内报送处置情况");

        assertThat(pi).isWaitingAt("Task_ResponsePlan");
        assertThat(riskLedger.calls).containsExactly("graded MAJOR MASS_INCIDENT");
    }

    @Test
    void aSignificantRiskIsPlannedWithoutAFirstResponse() {
        ProcessInstance pi = report(10, 80000.0, "WAGE_ARREARS", false);

        assertThat(pi).isWaitingAt("Task_ResponsePlan").hasNotPassed("Task_FirstResponse");
        assertThat(riskLedger.calls).containsExactly("graded SIGNIFICANT COLLECTIVE");
    }

    @Test
    void aRiskThatGrowsIsEscalatedToAFirstResponse() {
        ProcessInstance pi = report(3, 20000.0, "STAFF", false);
        planned("2026-10-09");
        complete("Task_FollowUpRisk", "riskOutcome", "ESCALATE", "followUpNote", "工人聚集，扬言上访");

        assertThat(pi).isWaitingAt("Task_FirstResponse", "Task_ReportToCity");
        assertThat(riskLedger.calls).contains("escalated");
    }

    /** Intake re-grades a case-cluster risk as major while its plan is being made: first response and city report. */
    @Test
    void aClusterThatBecomesMajorWhileThePlanIsMadeGetsAFirstResponse() {
        ProcessInstance pi = report(12, 96000.0, "INTAKE_CLUSTER", false);
        assertThat(pi).isWaitingAt("Task_ResponsePlan");
        engine.getRuntimeService().createMessageCorrelation("RiskBecameMajor").processInstanceId(pi.getId()).correlate();

        assertThat(pi).hasPassed("Event_PlanRiskBecameMajor").isWaitingAt("Task_FirstResponse", "Task_ReportToCity");
        assertThat(riskLedger.calls).contains("escalated");
        complete("Task_FirstResponse", "firstResponseNote", "当天约谈单位负责人");
        complete("Task_ReportToCity", "cityInstruction", "已知悉");
        assertThat(pi).isWaitingAt("Task_ResponsePlan");
    }

    /** The same while the plan is followed up: the follow-up gives way to the major risk's response, then a new plan. */
    @Test
    void aClusterThatBecomesMajorDuringFollowUpGetsAFirstResponse() {
        ProcessInstance pi = report(12, 96000.0, "INTAKE_CLUSTER", false);
        planned("2026-10-09");
        assertThat(pi).isWaitingAt("Task_FollowUpRisk");
        engine.getRuntimeService().createMessageCorrelation("RiskBecameMajor").processInstanceId(pi.getId()).correlate();

        assertThat(pi).hasPassed("Event_FollowUpRiskBecameMajor").isWaitingAt("Task_FirstResponse", "Task_ReportToCity");
        assertThat(riskLedger.calls).contains("escalated");
    }

    @Test
    void aRiskIsTurnedIntoACase() {
        ProcessInstance pi = report(3, 20000.0, "STAFF", false);
        planned("2026-10-09");
        complete("Task_FollowUpRisk", "riskOutcome", "TO_CASE", "linkedCaseNumber", "渝中劳调〔2026〕00042号",
                "followUpNote", "劳动者申请调解，已一窗受理");

        assertThat(pi).isEnded().hasPassed("EndEvent_RiskTurnedIntoCase");
        assertThat(riskLedger.calls).endsWith("close TURNED_INTO_CASE");
    }

    @Test
    void aFollowUpThatGoesOnGetsItsNewDate() {
        ProcessInstance pi = report(3, 20000.0, "STAFF", false);
        planned("2026-10-09");
        complete("Task_FollowUpRisk", "riskOutcome", "CONTINUE", "nextFollowUpDate", "2026-10-20",
                "followUpNote", "单位承诺月底前支付");

        assertThat(pi).isWaitingAt("Task_FollowUpRisk");
        assertThat(dueDay("Task_FollowUpRisk")).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(openTask("Task_FollowUpRisk").getAssignee()).isEqualTo("wangfang");
    }
}
