package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The court stages as the court-liaison officer records them: one test per path, court periods on their dates. */
class LitigationProcessTests extends ProcessTestSupport {

    private ProcessInstance suit() {
        return start("litigation", "litigationType", "SUIT");
    }

    private void filed(String procedure, String filedOn) {
        complete("Task_RecordComplaint", "courtAction", "FILED", "courtName", "渝中区人民法院", "procedure", procedure,
                "filedOn", filedOn);
    }

    private void judged(String kind) {
        complete("Task_RecordJudgment", "judgmentKind", kind, "judgmentServedOn", "2026-11-02", "judgmentSummary", "判决");
    }

    private ProcessInstance paymentOrderServed() {
        ProcessInstance pi = start("litigation", "litigationType", "PAYMENT_ORDER");
        assertThat(candidateGroups("Task_RecordPaymentOrderAcceptance")).containsExactly("court-liaison-yuzhong");
        // the court answers within 5 days of the application (Thu 24 Sep): Tue 29 Sep
        assertThat(dueDay("Task_RecordPaymentOrderAcceptance")).isEqualTo(LocalDate.of(2026, 9, 29));
        complete("Task_RecordPaymentOrderAcceptance", "paymentOrderAccepted", true, "courtName", "渝中区人民法院");
        // issued within 15 days of acceptance: Fri 9 Oct
        assertThat(dueDay("Task_RecordPaymentOrderIssued")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_RecordPaymentOrderIssued", "paymentOrderIssued", true, "paymentOrderServedOn", "2026-10-30");
        // the debtor has 15 days from service (Fri 30 Oct): Sat 14 Nov, so Mon 16 Nov
        assertThat(dueDay("Task_RecordDebtorResponse")).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(timerDay("Timer_DebtorPeriod")).isEqualTo(LocalDate.of(2026, 11, 16));
        return pi;
    }

    private long timesPassed(ProcessInstance pi, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(activityId).count();
    }

    @Test
    void paymentOrderPaid() {
        ProcessInstance pi = paymentOrderServed();
        complete("Task_RecordDebtorResponse", "paymentOrderResult", "PAID");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaymentOrderPaid");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("PAYMENT_ORDER_PAID");
        assertThat(stages.stagesEntered()).containsExactly("LITIGATION");
    }

    @Test
    void debtorNeitherPaysNorObjectsAndThePaymentOrderTakesEffect() {
        ProcessInstance pi = paymentOrderServed();
        fireTimer("Timer_DebtorPeriod");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaymentOrderEffective");
        assertThat(variable(pi, "litigationOutcome")).isEqualTo("PAYMENT_ORDER_EFFECTIVE");
    }

    @Test
    void objectionSendsTheWorkerToArbitration() {
        ProcessInstance pi = paymentOrderServed();
        complete("Task_RecordDebtorResponse", "paymentOrderResult", "OBJECTION", "afterObjection", "ARBITRATION");

        assertThat(pi).isEnded().hasPassed("EndEvent_ObjectionToArbitration");
        assertThat(variable(pi, "litigationOutcome")).isEqualTo("TO_ARBITRATION");
    }

    @Test
    void objectionToPaymentOrderLeadsToSuit() {
        ProcessInstance pi = paymentOrderServed();
        complete("Task_RecordDebtorResponse", "paymentOrderResult", "OBJECTION", "afterObjection", "SUIT");

        assertThat(pi).isWaitingAt("Task_RecordComplaint");
        // filing decided within 7 days of the complaint (Thu 24 Sep): Thu 1 Oct is 国庆, so Thu 8 Oct
        assertThat(dueDay("Task_RecordComplaint")).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void paymentOrderNotAcceptedLeadsToSuit() {
        ProcessInstance pi = start("litigation", "litigationType", "PAYMENT_ORDER");
        complete("Task_RecordPaymentOrderAcceptance", "paymentOrderAccepted", false, "courtName", "渝中区人民法院");
        assertThat(pi).isWaitingAt("Task_RecordComplaint").hasPassed("Gateway_ToSuit");
    }

    @Test
    void paymentOrderApplicationDismissedLeadsToSuit() {
        ProcessInstance pi = start("litigation", "litigationType", "PAYMENT_ORDER");
        complete("Task_RecordPaymentOrderAcceptance", "paymentOrderAccepted", true, "courtName", "渝中区人民法院");
        complete("Task_RecordPaymentOrderIssued", "paymentOrderIssued", false, "paymentOrderNote", "申请不成立");
        assertThat(pi).isWaitingAt("Task_RecordComplaint").hasNotPassed("Task_RecordDebtorResponse");
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
    void failedPreLitigationMediationIsFiledAndTheJudgmentTakesEffect() {
        ProcessInstance pi = suit();
        complete("Task_RecordComplaint", "courtAction", "PRE_LITIGATION_MEDIATION", "courtName", "渝中区人民法院");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        mediationSession("FAILED");
        assertThat(pi).isWaitingAt("Task_RecordComplaint");
        filed("ORDINARY", "2026-10-26");
        // ordinary procedure: 6 months from filing on Mon 26 Oct: Mon 26 Apr 2027
        assertThat(dueDay("Task_RecordJudgment")).isEqualTo(LocalDate.of(2027, 4, 26));
        judged("JUDGMENT");
        complete("Task_RecordAppeal", "appealed", false);

        assertThat(pi).isEnded().hasPassed("EndEvent_JudgmentEffective");
    }

    @Test
    void closesOnCourtMediation() {
        ProcessInstance pi = suit();
        filed("SUMMARY", "2026-09-24");
        judged("COURT_MEDIATION");

        assertThat(pi).isEnded().hasPassed("EndEvent_CourtMediated");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("COURT_MEDIATED");
    }

    @Test
    void summaryProcedureHasThreeMonthsAndAnExtensionMovesTheDate() {
        ProcessInstance pi = suit();
        filed("SUMMARY", "2026-09-24");
        // 3 months from Thu 24 Sep: Thu 24 Dec
        assertThat(dueDay("Task_RecordJudgment")).isEqualTo(LocalDate.of(2026, 12, 24));
        complete("Task_RecordJudgment", "judgmentKind", "EXTENDED", "firstInstanceExtendedUntil", "2027-01-25");

        assertThat(pi).isWaitingAt("Task_RecordJudgment");
        assertThat(timesPassed(pi, "Gateway_FirstInstance")).isEqualTo(2);
        assertThat(dueDay("Task_RecordJudgment")).isEqualTo(LocalDate.of(2027, 1, 25));
    }

    @Test
    void appealGoesToSecondInstanceWhichHasThreeMonths() {
        ProcessInstance pi = suit();
        filed("ORDINARY", "2026-09-24");
        judged("JUDGMENT");
        // judgment served Mon 2 Nov: 15 days, Tue 17 Nov
        assertThat(dueDay("Task_RecordAppeal")).isEqualTo(LocalDate.of(2026, 11, 17));
        complete("Task_RecordAppeal", "appealed", true);
        // 3 months from the appeal recorded (Thu 24 Sep on the test clock): Thu 24 Dec
        assertThat(dueDay("Task_RecordSecondInstance")).isEqualTo(LocalDate.of(2026, 12, 24));
        complete("Task_RecordSecondInstance", "secondInstanceResult", "UPHELD", "secondInstanceSummary", "维持原判");

        assertThat(pi).isEnded().hasPassed("EndEvent_SecondInstanceJudgment");
    }

    @Test
    void anAppealedRulingIsDecidedWithinThirtyDays() {
        suit();
        filed("ORDINARY", "2026-09-24");
        judged("RULING");
        complete("Task_RecordAppeal", "appealed", true);
        // 30 days from Thu 24 Sep: Sat 24 Oct, so Mon 26 Oct
        assertThat(dueDay("Task_RecordSecondInstance")).isEqualTo(LocalDate.of(2026, 10, 26));
    }

    @Test
    void aRemandedCaseIsTriedAgainAtFirstInstance() {
        ProcessInstance pi = suit();
        filed("ORDINARY", "2026-09-24");
        judged("JUDGMENT");
        complete("Task_RecordAppeal", "appealed", true);
        complete("Task_RecordSecondInstance", "secondInstanceResult", "REMANDED", "secondInstanceSummary", "发回重审");

        assertThat(pi).isWaitingAt("Task_RecordJudgment");
        assertThat(timesPassed(pi, "Gateway_FirstInstance")).isEqualTo(2);
    }

    @Test
    void rulingTakesEffectWhenTenDayAppealWindowLapses() {
        ProcessInstance pi = suit();
        filed("ORDINARY", "2026-09-24");
        judged("RULING");
        // ruling served Mon 2 Nov: 10 days, Thu 12 Nov
        assertThat(timerDay("Timer_AppealPeriod")).isEqualTo(LocalDate.of(2026, 11, 12));

        fireTimer("Timer_AppealPeriod");

        assertThat(pi).isEnded().hasPassed("EndEvent_JudgmentEffectiveByLapse");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("JUDGMENT_EFFECTIVE");
    }

    @Test
    void theIntermediateCourtRejectsTheEmployersSetAsideApplicationAndTheAwardStands() {
        ProcessInstance pi = start("litigation", "litigationType", "SET_ASIDE");
        assertThat(candidateGroups("Task_RecordSetAsideRuling")).containsExactly("court-liaison-yuzhong");
        complete("Task_RecordSetAsideRuling", "intermediateCourt", "重庆市第五中级人民法院", "setAsideResult", "REJECTED",
                "setAsideRuledOn", "2026-11-02");

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardUpheld").hasNotPassed("Task_RecordComplaint");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("AWARD_EFFECTIVE");
    }

    @Test
    void anAwardSetAsideIsFollowedByASuitWithinFifteenDays() {
        ProcessInstance pi = start("litigation", "litigationType", "SET_ASIDE");
        complete("Task_RecordSetAsideRuling", "intermediateCourt", "重庆市第五中级人民法院", "setAsideResult", "SET_ASIDE",
                "setAsideRuledOn", "2026-11-02");
        // 15 days from the ruling served Mon 2 Nov: Tue 17 Nov
        assertThat(dueDay("Task_RecordSuitAfterSetAside")).isEqualTo(LocalDate.of(2026, 11, 17));
        complete("Task_RecordSuitAfterSetAside", "suedAfterSetAside", true, "suitNote", "劳动者起诉");

        assertThat(pi).isWaitingAt("Task_RecordComplaint");
    }

    @Test
    void noSuitAfterAnAwardIsSetAsideClosesTheCase() {
        ProcessInstance pi = start("litigation", "litigationType", "SET_ASIDE");
        complete("Task_RecordSetAsideRuling", "intermediateCourt", "重庆市第五中级人民法院", "setAsideResult", "SET_ASIDE",
                "setAsideRuledOn", "2026-11-02");
        fireTimer("Timer_SetAsideSuitWindow");

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardSetAside");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("AWARD_SET_ASIDE");
    }
}
