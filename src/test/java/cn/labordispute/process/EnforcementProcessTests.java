package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** An effective award or judgment: checked when its performance period ends, enforcement applied for within 2 years. */
class EnforcementProcessTests extends ProcessTestSupport {

    private ProcessInstance effective() {
        ProcessInstance pi = start("enforcement");
        assertThat(candidateGroups("Task_RecordPerformancePeriod")).containsExactly("court-liaison-yuzhong");
        complete("Task_RecordPerformancePeriod", "effectiveDocument", "JUDGMENT",
                "effectiveDocumentNumber", "（2026）渝0103民初88号", "performanceAmount", 20000.0,
                "performanceDueOn", "2026-10-15");
        // shown on the last day of the performance period, due by its end
        assertThat(dueDay("Task_CheckPerformance")).isEqualTo(LocalDate.of(2026, 10, 15));
        return pi;
    }

    @Test
    void performedByTheLastDay() {
        ProcessInstance pi = effective();
        complete("Task_CheckPerformance", "performedFully", true, "performedAmount", 20000.0, "performanceNote", "已付清");

        assertThat(pi).isEnded().hasPassed("EndEvent_DocumentPerformed").hasNotPassed("Task_ApplyEnforcement");
        assertThat(stages.stagesEntered()).containsExactly("FULFILMENT");
    }

    @Test
    void notPerformedTheWorkerAppliesForEnforcementWithTheApplicationDrafted() {
        ProcessInstance pi = effective();
        complete("Task_CheckPerformance", "performedFully", false, "performedAmount", 5000.0, "performanceNote", "仅付5000元");
        // 2 years from the last day of performance (Thu 15 Oct 2026): Sun 15 Oct 2028, so Mon 16 Oct 2028
        assertThat(dueDay("Task_ApplyEnforcement")).isEqualTo(LocalDate.of(2028, 10, 16));
        complete("Task_ApplyEnforcement", "enforcementCourt", "重庆市渝中区人民法院", "enforcementAppliedOn", "2026-10-20",
                "enforcementAmount", 15000.0);

        assertThat(pi).isEnded().hasPassed("EndEvent_EnforcementApplied");
        assertThat(documents.issued).contains("ENFORCEMENT_APPLICATION");
        assertThat(variable(pi, "enforcementOutcome")).isEqualTo("ENFORCEMENT_APPLIED");
    }

    @Test
    void twoYearsPassWithoutAnApplication() {
        ProcessInstance pi = effective();
        complete("Task_CheckPerformance", "performedFully", false, "performedAmount", 0.0, "performanceNote", "未付");
        assertThat(timerDay("Timer_EnforcementLimit")).isEqualTo(LocalDate.of(2028, 10, 16));
        fireTimer("Timer_EnforcementLimit");

        assertThat(pi).isEnded().hasPassed("EndEvent_EnforcementLapsed");
        assertThat(stages.calls).contains("note ENFORCEMENT 申请执行期间届满，权利人未申请强制执行");
    }
}
