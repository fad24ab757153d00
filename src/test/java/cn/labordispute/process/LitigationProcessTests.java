package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class LitigationProcessTests extends ProcessTestSupport {

    private ProcessInstance suit() {
        return start("litigation", "litigationType", "SUIT");
    }

    private void filedAndJudged(String kind) {
        complete("Task_RecordComplaint", "courtAction", "FILED", "courtName", "渝中区人民法院");
        complete("Task_RecordJudgment", "judgmentKind", kind, "judgmentServedOn", "2026-11-02", "judgmentSummary", "判决");
    }

    @Test
    void paymentOrderPaid() {
        ProcessInstance pi = start("litigation", "litigationType", "PAYMENT_ORDER");
        assertThat(candidateGroups("Task_RecordPaymentOrder")).containsExactly("court-liaison-yuzhong");
        complete("Task_RecordPaymentOrder", "paymentOrderResult", "PAID");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaymentOrderPaid");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("PAYMENT_ORDER_PAID");
        assertThat(stages.stagesEntered()).containsExactly("LITIGATION");
    }

    @Test
    void objectionToPaymentOrderLeadsToSuit() {
        ProcessInstance pi = start("litigation", "litigationType", "PAYMENT_ORDER");
        complete("Task_RecordPaymentOrder", "paymentOrderResult", "OBJECTION");

        assertThat(pi).isWaitingAt("Task_RecordComplaint");
        // filing decided within 7 days of the complaint (Thu 24 Sep): Thu 1 Oct is 国庆, so Thu 8 Oct
        assertThat(dueDay("Task_RecordComplaint")).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void courtRefusesToFile() {
        ProcessInstance pi = suit();
        complete("Task_RecordComplaint", "courtAction", "NOT_FILED", "courtName", "渝中区人民法院");

        assertThat(pi).isEnded().hasPassed("EndEvent_NotFiled");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("NOT_FILED");
    }

    @Test
    void preLitigationMediationReachesAgreement() {
        ProcessInstance pi = suit();
        complete("Task_RecordComplaint", "courtAction", "PRE_LITIGATION_MEDIATION", "courtName", "渝中区人民法院");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        // court-entrusted mediation has 30 days, not mediation's 15: Sat 24 Oct, so Mon 26 Oct
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 26));
        agreementSigned(9000.0, "2026-10-30");

        assertThat(pi).isEnded().hasPassed("EndEvent_PreLitigationAgreement");
        assertThat(variable(pi, "litigationOutcome")).isEqualTo("MEDIATION_AGREEMENT");
        assertThat(stages.stagesEntered()).containsExactly("LITIGATION", "MEDIATION", "LITIGATION");
    }

    @Test
    void failedPreLitigationMediationGoesToTrialAndJudgmentTakesEffect() {
        ProcessInstance pi = suit();
        complete("Task_RecordComplaint", "courtAction", "PRE_LITIGATION_MEDIATION", "courtName", "渝中区人民法院");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        mediationSession("FAILED");
        assertThat(pi).isWaitingAt("Task_RecordJudgment");
        complete("Task_RecordJudgment", "judgmentKind", "JUDGMENT", "judgmentServedOn", "2026-11-02", "judgmentSummary", "判决");
        complete("Task_RecordAppeal", "appealed", false);

        assertThat(pi).isEnded().hasPassed("EndEvent_JudgmentEffective");
    }

    @Test
    void closesOnCourtMediation() {
        ProcessInstance pi = suit();
        filedAndJudged("COURT_MEDIATION");

        assertThat(pi).isEnded().hasPassed("EndEvent_CourtMediated");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("COURT_MEDIATED");
    }

    @Test
    void appealGoesToSecondInstance() {
        ProcessInstance pi = suit();
        filedAndJudged("JUDGMENT");
        // judgment served Mon 2 Nov: 15 days, Tue 17 Nov
        assertThat(dueDay("Task_RecordAppeal")).isEqualTo(LocalDate.of(2026, 11, 17));
        complete("Task_RecordAppeal", "appealed", true);
        complete("Task_RecordSecondInstance", "secondInstanceResult", "UPHELD", "secondInstanceSummary", "维持原判");

        assertThat(pi).isEnded().hasPassed("EndEvent_SecondInstanceJudgment");
    }

    @Test
    void rulingTakesEffectWhenTenDayAppealWindowLapses() {
        ProcessInstance pi = suit();
        filedAndJudged("RULING");
        // ruling served Mon 2 Nov: 10 days, Thu 12 Nov
        assertThat(timerDay("Timer_AppealPeriod")).isEqualTo(LocalDate.of(2026, 11, 12));

        fireTimer("Timer_AppealPeriod");

        assertThat(pi).isEnded().hasPassed("EndEvent_JudgmentEffectiveByLapse");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("JUDGMENT_EFFECTIVE");
    }
}
