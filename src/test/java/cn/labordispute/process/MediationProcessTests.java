package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class MediationProcessTests extends ProcessTestSupport {

    @Test
    void decidesAcceptanceWithinThreeWorkingDaysAcrossTheMidAutumnHoliday() {
        ProcessInstance pi = start("mediation");

        assertThat(pi).isWaitingAt("Task_DecideMediationAcceptance");
        assertThat(candidateGroups("Task_DecideMediationAcceptance")).containsExactly("mediator-yuzhong");
        // received Thu 24 Sep; 25-27 Sep are 中秋 and the weekend; Mon 28, Tue 29, Wed 30 are the three working days
        assertThat(dueDay("Task_DecideMediationAcceptance")).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(stages.stagesEntered()).containsExactly("MEDIATION");
    }

    @Test
    void refusesOutOfScopeApplication() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", false, "otherPartyConsents", true,
                "refusalReason", "不属于劳动争议");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationNotAccepted");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void reachesAgreementAndDraftsIt() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        // 15 days from 24 Sep end on Fri 9 Oct, the first working day after 国庆
        assertThat(dueDay("Task_ConductMediation")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_ConductMediation", "mediationResult", "AGREEMENT", "sessionRecord", "双方同意");
        complete("Task_DraftMediationAgreement", "agreementItems", "支付4000元", "agreedAmount", 4000.0,
                "paymentDueDate", "2026-10-15", "signedByBothParties", true);

        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementReached");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("AGREEMENT");
    }

    @Test
    void endsWhenMediationFails() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        complete("Task_ConductMediation", "mediationResult", "FAILED", "sessionRecord", "分歧较大");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationFailed");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("FAILED");
    }

    @Test
    void endsWhenApplicantWithdraws() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        complete("Task_ConductMediation", "mediationResult", "WITHDRAWN", "sessionRecord", "申请人撤回");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationWithdrawn");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("WITHDRAWN");
    }

    @Test
    void endsWhenFifteenDaysPassWithoutAgreement() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 9));

        fireTimer("Timer_MediationLimit");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationExpired");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("EXPIRED");
    }

    @Test
    void extendsTheLimitWithBothPartiesConsentAndKeepsTheMediator() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        engine.getTaskService().claim(openTask("Task_ConductMediation").getId(), "wangfang");
        complete("Task_ConductMediation", "mediationResult", "EXTENDED", "bothPartiesConsent", true,
                "extendedUntil", "2026-10-23", "sessionRecord", "双方同意延期");

        assertThat(pi).isWaitingAt("Task_ConductMediation").hasPassed("Task_RecordMediationExtension");
        assertThat(dueDay("Task_ConductMediation")).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(openTask("Task_ConductMediation").getAssignee()).isEqualTo("wangfang");
        assertThat(stages.calls).anyMatch(c -> c.startsWith("note EXTENDED 双方同意调解延期至 2026-10-23"));
    }

    @Test
    void refusesExtensionWithoutBothPartiesConsent() {
        start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        String taskId = openTask("Task_ConductMediation").getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
                vars("mediationResult", "EXTENDED", "bothPartiesConsent", false, "extendedUntil", "2026-10-23")))
                .hasMessageContaining("双方当事人同意");
        assertThat(openTask("Task_ConductMediation").getId()).isEqualTo(taskId);
        assertThat(dueDay("Task_ConductMediation")).isEqualTo(LocalDate.of(2026, 10, 9));
    }
}
