package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** One test per path through agreement-fulfilment.bpmn; the agreement takes effect on Thursday 24 September 2026. */
class AgreementFulfilmentProcessTests extends ProcessTestSupport {

    /** 4,000 yuan in one payment on 20 October. */
    private ProcessInstance agreed(String consolidation) {
        return start("agreement_fulfilment", "paymentDueDate", "2026-10-20", "firstPaymentAmount", 4000.0,
                "agreedAmount", 4000.0, "consolidation", consolidation);
    }

    private void noticeServed() {
        complete("Task_AssessPerformance", "performanceCapacity", "GOOD", "capacityNote", "经营正常",
                "paidOnTheSpot", false, "noticeServedOn", "2026-09-24");
    }

    private void checked(boolean paid, double amount) {
        complete("Task_CheckFulfilment", "installmentPaid", paid, "paidAmount", amount, "fulfilmentNote", "银行转账凭证");
    }

    @Test
    void recordsPaymentOnTheSpot() {
        ProcessInstance pi = agreed("NONE");
        complete("Task_AssessPerformance", "performanceCapacity", "GOOD", "capacityNote", "当场支付",
                "paidOnTheSpot", true, "noticeServedOn", "2026-09-24");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaidOnTheSpot");
        assertThat(variable(pi, "fulfilledOnTheSpot")).isEqualTo(true);
        assertThat(variable(pi, "caseOutcome")).isEqualTo("AGREEMENT_FULFILLED");
        assertThat(stages.stagesEntered()).containsExactly("FULFILMENT");
        assertThat(documents.issued).containsExactly("FULFILMENT_NOTICE");
    }

    @Test
    void checksEveryInstalmentOnItsOwnDate() {
        ProcessInstance pi = start("agreement_fulfilment", "agreedAmount", 6000.0, "paymentDueDate", "2026-10-20",
                "firstPaymentAmount", 2000.0, "secondPaymentDate", "2026-11-20", "secondPaymentAmount", 4000.0,
                "consolidation", "NONE");
        noticeServed();

        assertThat(dueDay("Task_CheckFulfilment")).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(cn.labordispute.deadlines.Deadlines.toLocalDate(openTask("Task_CheckFulfilment").getFollowUpDate()))
                .as("the check waits in the Tasklist until the payment day").isEqualTo(LocalDate.of(2026, 10, 20));
        checked(true, 2000.0);
        assertThat(dueDay("Task_CheckFulfilment")).isEqualTo(LocalDate.of(2026, 11, 20));
        checked(true, 4000.0);

        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementFulfilled").hasNotPassed("Task_ApplyArbitrationReview");
        assertThat(variable(pi, "amountPaid")).isEqualTo(6000.0);
        assertThat(variable(pi, "fulfilmentOutcome")).isEqualTo("FULFILLED");
    }

    @Test
    void stopsCheckingAfterTheFirstMissedInstalment() {
        ProcessInstance pi = start("agreement_fulfilment", "agreedAmount", 6000.0, "paymentDueDate", "2026-10-20",
                "firstPaymentAmount", 2000.0, "secondPaymentDate", "2026-11-20", "secondPaymentAmount", 4000.0,
                "consolidation", "NONE");
        noticeServed();
        checked(false, 0);

        assertThat(pi).isWaitingAt("Task_AdviseRemedy");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckFulfilment").count()).isZero();
    }

    @Test
    void arbitrationReviewWithinFifteenDaysYieldsAnArbitrationMediationDocument() {
        ProcessInstance pi = agreed("ARBITRATION_REVIEW");
        noticeServed();

        assertThat(pi).isWaitingAt("Task_ApplyArbitrationReview", "Task_CheckFulfilment");
        // 15 days from Thu 24 Sep end on Fri 9 Oct, the first working day after 国庆
        assertThat(dueDay("Task_ApplyArbitrationReview")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_ApplyArbitrationReview", "reviewAppliedOn", "2026-09-28", "reviewCommission", "渝中区劳动人事争议仲裁委员会");
        assertThat(candidateGroups("Task_RecordArbitrationReview")).containsExactly("arbitrator-yuzhong");
        // 5 days from Mon 28 Sep end on Sat 3 Oct, inside 国庆: the period ends on Thu 8 Oct
        assertThat(dueDay("Task_RecordArbitrationReview")).isEqualTo(LocalDate.of(2026, 10, 8));
        complete("Task_RecordArbitrationReview", "reviewApproved", true, "reviewDocumentNumber", "渝中劳人仲审字〔2026〕1号",
                "reviewNote", "协议合法有效");
        checked(true, 4000.0);

        assertThat(pi).isEnded().hasPassed("Task_RecordArbitrationMediationDocument", "EndEvent_AgreementFulfilled");
        assertThat(variable(pi, "enforceableDocument")).isEqualTo("ARBITRATION_MEDIATION_DOCUMENT");
        assertThat(documents.issued).containsExactly("FULFILMENT_NOTICE", "ARBITRATION_REVIEW_APPLICATION");
    }

    @Test
    void aRejectedReviewLeavesTheAgreementWithoutEnforceableDocument() {
        ProcessInstance pi = agreed("ARBITRATION_REVIEW");
        noticeServed();
        complete("Task_ApplyArbitrationReview", "reviewAppliedOn", "2026-09-28", "reviewCommission", "渝中区仲裁委");
        complete("Task_RecordArbitrationReview", "reviewApproved", false, "reviewNote", "协议内容违反强制性规定");
        checked(true, 4000.0);

        assertThat(pi).isEnded().hasNotPassed("Task_RecordArbitrationMediationDocument");
        assertThat(variable(pi, "enforceableDocument")).isNull();
    }

    @Test
    void theReviewWindowClosesAfterFifteenDays() {
        ProcessInstance pi = agreed("ARBITRATION_REVIEW");
        noticeServed();

        fireTimer("Timer_ReviewWindowClosed");

        assertThat(pi).hasPassed("Timer_ReviewWindowClosed").isWaitingAt("Task_CheckFulfilment");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ApplyArbitrationReview").count())
                .isZero();
    }

    @Test
    void judicialConfirmationWithinThirtyDaysYieldsAnEnforceableRuling() {
        ProcessInstance pi = agreed("JUDICIAL_CONFIRMATION");
        noticeServed();

        // 30 days from Thu 24 Sep end on Sat 24 Oct: the period ends on Mon 26 Oct
        assertThat(dueDay("Task_ApplyJudicialConfirmation")).isEqualTo(LocalDate.of(2026, 10, 26));
        complete("Task_ApplyJudicialConfirmation", "confirmationAppliedOn", "2026-09-29", "courtName", "重庆市渝中区人民法院");
        assertThat(candidateGroups("Task_RecordJudicialConfirmation")).containsExactly("court-liaison-yuzhong");
        assertThat(dueDay("Task_RecordJudicialConfirmation")).isEqualTo(LocalDate.of(2026, 10, 29));
        complete("Task_RecordJudicialConfirmation", "confirmed", true, "rulingNumber", "（2026）渝0103民特1号",
                "confirmationNote", "确认有效");
        checked(true, 4000.0);

        assertThat(pi).isEnded().hasPassed("Task_RecordConfirmationRuling", "EndEvent_AgreementFulfilled");
        assertThat(variable(pi, "enforceableDocument")).isEqualTo("JUDICIAL_CONFIRMATION_RULING");
        assertThat(documents.issued).containsExactly("FULFILMENT_NOTICE", "JUDICIAL_CONFIRMATION_APPLICATION");
    }

    @Test
    void aRejectedConfirmationLeavesNoRuling() {
        ProcessInstance pi = agreed("JUDICIAL_CONFIRMATION");
        noticeServed();
        complete("Task_ApplyJudicialConfirmation", "confirmationAppliedOn", "2026-09-29", "courtName", "渝中区人民法院");
        complete("Task_RecordJudicialConfirmation", "confirmed", false, "confirmationNote", "驳回申请");
        checked(true, 4000.0);

        assertThat(pi).isEnded().hasNotPassed("Task_RecordConfirmationRuling");
    }

    @Test
    void theConfirmationWindowClosesAfterThirtyDays() {
        ProcessInstance pi = agreed("JUDICIAL_CONFIRMATION");
        noticeServed();
        checked(true, 4000.0);

        fireTimer("Timer_ConfirmationWindowClosed");

        assertThat(pi).isEnded().hasPassed("Timer_ConfirmationWindowClosed", "EndEvent_AgreementFulfilled");
    }

    @Test
    void unpaidAgreementWithEnforceableRulingGoesToEnforcement() {
        ProcessInstance pi = agreed("JUDICIAL_CONFIRMATION");
        noticeServed();
        complete("Task_ApplyJudicialConfirmation", "confirmationAppliedOn", "2026-09-29", "courtName", "渝中区人民法院");
        complete("Task_RecordJudicialConfirmation", "confirmed", true, "rulingNumber", "（2026）渝0103民特2号",
                "confirmationNote", "确认有效");
        checked(false, 0);
        complete("Task_AdviseRemedy", "remedy", "ENFORCEMENT", "remedyNote", "告知申请强制执行");

        assertThat(pi).isEnded().hasPassed("EndEvent_EnforcementApplied");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("ENFORCEMENT_APPLIED");
    }

    @Test
    void guidesToPaymentOrderWhenEmployerDoesNotPayRemuneration() {
        ProcessInstance pi = agreed("NONE");
        noticeServed();
        checked(false, 1000.0);
        complete("Task_AdviseRemedy", "remedy", "PAYMENT_ORDER", "remedyNote", "劳动者选择支付令");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaymentOrderApplied");
        assertThat(variable(pi, "litigationType")).isEqualTo("PAYMENT_ORDER");
        assertThat(variable(pi, "amountPaid")).isEqualTo(1000.0);
        assertThat(documents.issued).endsWith("PAYMENT_ORDER_APPLICATION");
    }

    @Test
    void sendsToArbitrationWhenPaymentOrderIsNotAvailableForTheClaims() {
        ProcessInstance pi = start("agreement_fulfilment", "paymentDueDate", "2026-10-20", "firstPaymentAmount", 4000.0,
                "agreedAmount", 4000.0, "consolidation", "NONE", "paymentOrderEligible", false);
        noticeServed();
        checked(false, 0);
        complete("Task_AdviseRemedy", "remedy", "PAYMENT_ORDER", "remedyNote", "社会保险争议不适用支付令");

        assertThat(pi).isEnded().hasPassed("EndEvent_ToArbitration");
    }

    @Test
    void sendsToArbitrationWhenTheWorkerPrefersIt() {
        ProcessInstance pi = agreed("NONE");
        noticeServed();
        checked(false, 0);
        complete("Task_AdviseRemedy", "remedy", "ARBITRATION", "remedyNote", "劳动者选择仲裁");

        assertThat(pi).isEnded().hasPassed("EndEvent_ToArbitration");
        assertThat(variable(pi, "fulfilmentOutcome")).isEqualTo("TO_ARBITRATION");
    }

    @Test
    void enforcementIsNotOfferedWithoutAnEnforceableDocument() {
        ProcessInstance pi = agreed("NONE");
        noticeServed();
        checked(false, 0);
        complete("Task_AdviseRemedy", "remedy", "ENFORCEMENT", "remedyNote", "无可执行文书");

        assertThat(pi).isEnded().hasPassed("EndEvent_ToArbitration");
    }
}
