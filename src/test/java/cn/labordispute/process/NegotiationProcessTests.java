package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class NegotiationProcessTests extends ProcessTestSupport {

    @Test
    void treatsSilenceForFiveDaysAsRefusal() {
        ProcessInstance pi = start("negotiation");
        assertThat(candidateGroups("Task_RecordNegotiationResponse")).containsExactly("union-yuzhong");
        // 5 days from Thu 24 Sep is Tue 29 Sep, a working day
        assertThat(timerDay("Timer_NegotiationResponsePeriod")).isEqualTo(LocalDate.of(2026, 9, 29));

        fireTimer("Timer_NegotiationResponsePeriod");

        assertThat(pi).isEnded().hasPassed("EndEvent_NoResponse");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
        assertThat(stages.stagesEntered()).containsExactly("NEGOTIATION");
    }

    @Test
    void endsWhenOtherPartyRefuses() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", false);

        assertThat(pi).isEnded().hasPassed("EndEvent_NegotiationRefused");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
    }

    @Test
    void endsWhenAgreedPeriodRunsOut() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        assertThat(dueDay("Task_ConductNegotiation")).isEqualTo(LocalDate.of(2026, 10, 12));

        fireTimer("Timer_NegotiationPeriod");

        assertThat(pi).isEnded().hasPassed("EndEvent_NegotiationPeriodExpired");
    }

    @Test
    void endsWhenNoSettlementIsReached() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        complete("Task_ConductNegotiation", "negotiationResult", "FAILED", "sessionRecord", "未达成");

        assertThat(pi).isEnded().hasPassed("EndEvent_NotSettled");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
    }

    @Test
    void anotherSessionWithAPeriodExtendedInWritingMovesTheDeadline() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        complete("Task_ConductNegotiation", "negotiationResult", "CONTINUE", "sessionRecord", "双方同意再谈",
                "negotiationExtendedUntil", "2026-10-23");

        assertThat(pi).isWaitingAt("Task_ConductNegotiation");
        assertThat(dueDay("Task_ConductNegotiation")).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(timerDay("Timer_NegotiationPeriod")).isEqualTo(LocalDate.of(2026, 10, 23));
        complete("Task_ConductNegotiation", "negotiationResult", "CONTINUE", "sessionRecord", "第二次协商");
        assertThat(dueDay("Task_ConductNegotiation")).as("no new extension keeps the date")
                .isEqualTo(LocalDate.of(2026, 10, 23));
    }

    private void settled(Object... more) {
        Object[] fields = {"negotiationResult", "SETTLED", "sessionRecord", "达成和解", "settlementItems",
            "分两期支付工资3100元", "agreedAmount", 3100.0, "paymentDueDate", "2026-10-20", "firstPaymentAmount", 1600.0,
            "secondPaymentDate", "2026-11-20", "secondPaymentAmount", 1500.0,
            "concessions", "劳动者同意放弃加班费请求中的500元"};
        Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        complete("Task_ConductNegotiation", all);
    }

    @Test
    void closesWhenEveryInstalmentOfTheSettlementIsPaid() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        settled("settlementReviewRequested", false);

        assertThat(documents.issued).containsExactly("SETTLEMENT_AGREEMENT");
        assertThat(dueDay("Task_CheckSettlementFulfilment")).isEqualTo(LocalDate.of(2026, 10, 20));
        complete("Task_CheckSettlementFulfilment", "installmentPaid", true, "paidAmount", 1600.0, "fulfilmentNote", "已付");
        assertThat(dueDay("Task_CheckSettlementFulfilment")).isEqualTo(LocalDate.of(2026, 11, 20));
        complete("Task_CheckSettlementFulfilment", "installmentPaid", true, "paidAmount", 1500.0, "fulfilmentNote", "已付");

        assertThat(pi).isEnded().hasPassed("EndEvent_SettlementFulfilled").hasNotPassed("Task_ReviewSettlement");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FULFILLED");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("SETTLEMENT_FULFILLED");
        assertThat(variable(pi, "amountPaid")).isEqualTo(3100.0);
    }

    @Test
    void aReviewedSettlementIsCheckedByTheArbitratorBesideTheFulfilment() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        settled("settlementReviewRequested", true);

        assertThat(pi).isWaitingAt("Task_CheckSettlementFulfilment", "Task_ReviewSettlement");
        assertThat(candidateGroups("Task_ReviewSettlement")).containsExactly("arbitrator-yuzhong");
        // ARBITRATION_REVIEW_DECISION: 5 days from Thu 24 Sep, Tue 29 Sep
        assertThat(dueDay("Task_ReviewSettlement")).isEqualTo(LocalDate.of(2026, 9, 29));
        complete("Task_ReviewSettlement", "settlementReviewResult", "CONFIRMED", "settlementReviewNote", "自愿合法");
        complete("Task_CheckSettlementFulfilment", "installmentPaid", true, "paidAmount", 1600.0, "fulfilmentNote", "已付");
        complete("Task_CheckSettlementFulfilment", "installmentPaid", true, "paidAmount", 1500.0, "fulfilmentNote", "已付");

        assertThat(pi).isEnded().hasPassed("Task_ReviewSettlement", "EndEvent_SettlementFulfilled");
    }

    @Test
    void stopsAtTheFirstUnpaidInstalmentAndGuidesToMediation() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        settled();
        complete("Task_CheckSettlementFulfilment", "installmentPaid", false, "paidAmount", 0.0, "fulfilmentNote", "未支付");

        assertThat(pi).isEnded().hasPassed("EndEvent_SettlementBroken");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
    }

    @Test
    void refusesASettlementWhoseInstalmentsDoNotAddUp() {
        start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settled("agreedAmount", 3000.0))
                .hasMessageContaining("agreedAmount");
        assertThat(documents.issued).isEmpty();
    }
}
