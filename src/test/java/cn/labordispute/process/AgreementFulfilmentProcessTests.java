package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class AgreementFulfilmentProcessTests extends ProcessTestSupport {

    private ProcessInstance startAfterAgreement() {
        return start("agreement_fulfilment", "paymentDueDate", "2026-10-20", "agreedAmount", 4000.0);
    }

    private void noticeServed(String consolidation) {
        complete("Task_IssueFulfilmentNotice", "performanceCapacity", "GOOD", "paidOnTheSpot", false,
                "consolidation", consolidation, "noticeNote", "已当面送达");
    }

    @Test
    void recordsPaymentOnTheSpot() {
        ProcessInstance pi = startAfterAgreement();
        complete("Task_IssueFulfilmentNotice", "performanceCapacity", "GOOD", "paidOnTheSpot", true,
                "noticeNote", "当场支付");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaidOnTheSpot");
        assertThat(variable(pi, "fulfilledOnTheSpot")).isEqualTo(true);
        assertThat(variable(pi, "caseOutcome")).isEqualTo("AGREEMENT_FULFILLED");
        assertThat(stages.stagesEntered()).containsExactly("FULFILMENT");
    }

    @Test
    void checksFulfilmentOnTheAgreedDate() {
        ProcessInstance pi = startAfterAgreement();
        noticeServed("NONE");
        assertThat(dueDay("Task_CheckFulfilment")).isEqualTo(LocalDate.of(2026, 10, 20));
        complete("Task_CheckFulfilment", "fulfilled", true, "fulfilmentNote", "已足额支付");

        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementFulfilled").hasNotPassed("Task_RecordArbitrationReview");
        assertThat(variable(pi, "fulfilmentOutcome")).isEqualTo("FULFILLED");
    }

    @Test
    void recordsArbitrationReviewWithinFifteenDays() {
        ProcessInstance pi = startAfterAgreement();
        noticeServed("ARBITRATION_REVIEW");
        assertThat(candidateGroups("Task_RecordArbitrationReview")).containsExactly("arbitrator-yuzhong");
        // 15 days from Thu 24 Sep: Fri 9 Oct
        assertThat(dueDay("Task_RecordArbitrationReview")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_RecordArbitrationReview", "reviewResult", "CONFIRMED");
        complete("Task_CheckFulfilment", "fulfilled", true, "fulfilmentNote", "已支付");

        assertThat(pi).isEnded().hasPassed("Task_RecordArbitrationReview", "EndEvent_AgreementFulfilled");
    }

    @Test
    void recordsJudicialConfirmationWithinThirtyDays() {
        ProcessInstance pi = startAfterAgreement();
        noticeServed("JUDICIAL_CONFIRMATION");
        assertThat(candidateGroups("Task_RecordJudicialConfirmation")).containsExactly("court-liaison-yuzhong");
        // 30 days from Thu 24 Sep: Sat 24 Oct, so Mon 26 Oct
        assertThat(dueDay("Task_RecordJudicialConfirmation")).isEqualTo(LocalDate.of(2026, 10, 26));
        complete("Task_RecordJudicialConfirmation", "confirmationResult", "CONFIRMED", "courtName", "渝中区人民法院");
        complete("Task_CheckFulfilment", "fulfilled", true, "fulfilmentNote", "已支付");

        assertThat(pi).isEnded().hasPassed("Task_RecordJudicialConfirmation", "EndEvent_AgreementFulfilled");
    }

    @Test
    void guidesToPaymentOrderWhenEmployerDoesNotPayRemuneration() {
        ProcessInstance pi = startAfterAgreement();
        noticeServed("NONE");
        complete("Task_CheckFulfilment", "fulfilled", false, "remedy", "PAYMENT_ORDER", "fulfilmentNote", "逾期未付");

        assertThat(pi).isEnded().hasPassed("EndEvent_PaymentOrderApplied");
        assertThat(variable(pi, "litigationType")).isEqualTo("PAYMENT_ORDER");
    }

    @Test
    void sendsToArbitrationWhenPaymentOrderIsNotAvailableForTheClaims() {
        ProcessInstance pi = start("agreement_fulfilment", "paymentDueDate", "2026-10-20", "paymentOrderEligible", false);
        noticeServed("NONE");
        complete("Task_CheckFulfilment", "fulfilled", false, "remedy", "PAYMENT_ORDER", "fulfilmentNote", "逾期未履行");

        assertThat(pi).isEnded().hasPassed("EndEvent_ToArbitration");
        assertThat(variable(pi, "fulfilmentOutcome")).isEqualTo("TO_ARBITRATION");
    }

    @Test
    void sendsToArbitrationWhenWorkerPrefersIt() {
        ProcessInstance pi = startAfterAgreement();
        noticeServed("NONE");
        complete("Task_CheckFulfilment", "fulfilled", false, "remedy", "ARBITRATION", "fulfilmentNote", "逾期未付");

        assertThat(pi).isEnded().hasPassed("EndEvent_ToArbitration");
    }
}
