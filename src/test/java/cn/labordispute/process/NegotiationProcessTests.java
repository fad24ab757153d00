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
        complete("Task_ConductNegotiation", "settled", false, "sessionRecord", "未达成");

        assertThat(pi).isEnded().hasPassed("EndEvent_NotSettled");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
    }

    @Test
    void closesWhenSettlementIsFulfilled() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        complete("Task_ConductNegotiation", "settled", true, "sessionRecord", "达成和解", "settlementItems", "支付3100元",
                "settlementAmount", 3100.0, "paymentDueDate", "2026-10-20");
        assertThat(dueDay("Task_CheckSettlementFulfilment")).isEqualTo(LocalDate.of(2026, 10, 20));
        complete("Task_CheckSettlementFulfilment", "fulfilled", true, "fulfilmentNote", "已支付");

        assertThat(pi).isEnded().hasPassed("EndEvent_SettlementFulfilled");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FULFILLED");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("SETTLEMENT_FULFILLED");
    }

    @Test
    void guidesToMediationWhenSettlementIsBroken() {
        ProcessInstance pi = start("negotiation");
        complete("Task_RecordNegotiationResponse", "otherPartyAgrees", true, "negotiationDeadline", "2026-10-12");
        complete("Task_ConductNegotiation", "settled", true, "sessionRecord", "达成和解", "paymentDueDate", "2026-10-20");
        complete("Task_CheckSettlementFulfilment", "fulfilled", false, "fulfilmentNote", "未支付");

        assertThat(pi).isEnded().hasPassed("EndEvent_SettlementBroken");
        assertThat(variable(pi, "negotiationOutcome")).isEqualTo("FAILED");
    }
}
