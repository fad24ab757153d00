package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Both paths through legal-health-check.bpmn. Registered Thursday 24 September 2026 (see {@link ProcessTestSupport}). */
class LegalHealthCheckProcessTests extends ProcessTestSupport {

    private ProcessInstance checked(boolean warningNeeded) {
        ProcessInstance pi = start("legal_health_check", "checkNumber", "渝中法治体检〔2026〕0001号",
                "employerName", "重庆渝建建筑劳务有限公司", "checkRequestedOn", TODAY.toString());
        assertThat(candidateGroups("Task_InspectEnterprise")).containsExactly("mediator-yuzhong");
        // HEALTH_CHECK_VISIT, 10 working days from Thu 24 Sep across 中秋 and 国庆 (Sat 10 Oct is a 调休 working day)
        assertThat(dueDay("Task_InspectEnterprise")).isEqualTo(LocalDate.of(2026, 10, 15));
        complete("Task_InspectEnterprise", "visitedOn", "2026-09-28", "checkedContracts", true, "checkedWages", true,
                "findings", "部分农民工未签书面劳动合同，工资按季度发放");
        complete("Task_AnalyseProblems", "problemAnalysis", "违反《劳动合同法》第十条、《劳动法》第五十条",
                "recommendations", "建立劳动合同管理台账，按月支付工资", "warningNeeded", warningNeeded,
                "warningPoints", "三十日内补签劳动合同，改为按月发放工资");
        assertThat(healthChecks.calls).startsWith("issue HEALTH_CHECK_REPORT");
        complete("Task_PolicyTraining", "trainingOn", "2026-09-30", "trainingAttendees", 25, "trainingTopics", "劳动合同与工资支付");
        return pi;
    }

    @Test
    void aCheckWithSeriousRisksEndsWithAWarningLetter() {
        ProcessInstance pi = checked(true);

        assertThat(pi).isEnded().hasPassed("Task_IssueWarningLetter", "EndEvent_CheckDone");
        assertThat(healthChecks.calls).containsExactly("issue HEALTH_CHECK_REPORT", "issue WARNING_LETTER", "done");
    }

    @Test
    void aCheckWithoutSeriousRisksEndsWithTheReportAndTheTraining() {
        ProcessInstance pi = checked(false);

        assertThat(pi).isEnded().hasNotPassed("Task_IssueWarningLetter");
        assertThat(healthChecks.calls).containsExactly("issue HEALTH_CHECK_REPORT", "done");
    }
}
