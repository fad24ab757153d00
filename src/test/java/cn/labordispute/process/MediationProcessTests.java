package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import cn.labordispute.deadlines.Deadlines;
import org.junit.jupiter.api.Test;

/** One test per path through mediation.bpmn. Received Thursday 24 September 2026 (see {@link ProcessTestSupport}). */
class MediationProcessTests extends ProcessTestSupport {

    @Test
    void decidesAcceptanceWithinThreeWorkingDaysAcrossTheMidAutumnHoliday() {
        ProcessInstance pi = start("mediation");

        assertThat(pi).isWaitingAt("Task_DecideMediationAcceptance");
        assertThat(candidateGroups("Task_DecideMediationAcceptance")).containsExactly("mediator-yuzhong");
        // received Thu 24 Sep; 25-27 Sep are 中秋 and the weekend; Mon 28, Tue 29, Wed 30 are the three working days
        assertThat(dueDay("Task_DecideMediationAcceptance")).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(stages.stagesEntered()).containsExactly("MEDIATION");
        // the Description tab names the period by its length from the table, never by its code
        assertThat(openTask("Task_DecideMediationAcceptance").getDescription()).startsWith("收到申请之日起3个工作日内")
                .doesNotContain("MEDIATION_ACCEPTANCE");
    }

    @Test
    void refusesOutOfScopeApplicationWithANotice() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", false, "otherPartyConsents", true,
                "refusalReason", "属于劳动保障监察事项");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationNotAccepted");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("NOT_ACCEPTED");
        assertThat(documents.issued).containsExactly("MEDIATION_REFUSAL_NOTICE");
    }

    @Test
    void refusesWhenTheOtherPartyDoesNotConsent() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", false,
                "refusalReason", "用人单位不同意调解");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationNotAccepted");
        assertThat(documents.issued).containsExactly("MEDIATION_REFUSAL_NOTICE");
    }

    @Test
    void theMediatorWhoAcceptsTheCaseHandlesItsLaterSteps() {
        ProcessInstance pi = start("mediation");
        engine.getIdentityService().setAuthenticatedUserId("wangfang");
        try {
            acceptMediation();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession");
        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("wangfang");
        assertThat(variable(pi, "mediationAssignee")).isEqualTo("wangfang");
    }

    @Test
    void groupClaimsTheCaseAndTheMediatorKeepsItThroughToTheAgreement() {
        ProcessInstance pi = start("mediation");
        acceptMediation();

        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession").hasPassed("Task_IssueAcceptanceNotice");
        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isNull();
        assertThat(candidateGroups("Task_ScheduleMediationSession")).containsExactly("mediator-yuzhong");
        engine.getTaskService().claim(openTask("Task_ScheduleMediationSession").getId(), "wangfang");
        complete("Task_ScheduleMediationSession", "sessionAt", "2026-09-28T09:30:00", "sessionMode", "ONLINE",
                "sessionLink", "https://meeting.example/123", "sessionParticipants", "双方当事人");

        assertThat(openTask("Task_RecordMediationSession").getAssignee()).isEqualTo("wangfang");
        // 15 days from 24 Sep end on Fri 9 Oct, the first working day after 国庆
        assertThat(dueDay("Task_RecordMediationSession")).isEqualTo(LocalDate.of(2026, 10, 9));
        complete("Task_RecordMediationSession", "mediationResult", "AGREEMENT", "sessionRecord", "双方同意");
        assertThat(openTask("Task_DraftMediationAgreement").getAssignee()).isEqualTo("wangfang");
        complete("Task_DraftMediationAgreement", "agreementItems", "支付工资及补偿", "agreedAmount", 6000.0,
                "paymentDueDate", "2026-10-15", "firstPaymentAmount", 2000.0, "secondPaymentDate", "2026-11-15",
                "secondPaymentAmount", 4000.0, "consolidation", "NONE");
        // the agreement exists before anyone signs it; the mediator then records the signatures
        assertThat(documents.issued).contains("MEDIATION_AGREEMENT");
        assertThat(pi).isWaitingAt("Task_RecordAgreementSignature");
        assertThat(openTask("Task_RecordAgreementSignature").getAssignee()).isEqualTo("wangfang");
        complete("Task_RecordAgreementSignature", "agreementSigned", true, "agreementSignedOn", "2026-09-30",
                "signatureNote", "双方当事人签名，已盖章");

        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementReached");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("AGREEMENT");
        assertThat(documents.issuedAt).containsExactly("MEDIATION_ACCEPTANCE_NOTICE@Task_IssueAcceptanceNotice",
                "MEDIATION_SESSION_NOTICE@Task_ScheduleMediationSession", "MEDIATION_RECORD@Task_RecordMediationSession", "MEDIATION_AGREEMENT@Task_RegisterPaymentPlan");
    }

    @Test
    void aVideoSessionWithoutALinkGetsARoomOnTheOrganisationsPlatformAndTheNoticeIsIssued() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        complete("Task_ScheduleMediationSession", "sessionAt", "2026-09-28T09:30:00", "sessionMode", "ONLINE",
                "sessionParticipants", "双方当事人");

        assertThat(pi).isWaitingAt("Task_RecordMediationSession");
        assertThat((String) variable(pi, "sessionLink")).matches("https://video\\.yuzhong\\.example/room/tiaojie-yuzhong-[a-z2-9]{12}");
        assertThat(documents.issuedAt).contains("MEDIATION_SESSION_NOTICE@Task_ScheduleMediationSession");
    }

    @Test
    void aTypedVideoLinkMustBeAWebAddressAndAnInPersonSessionGetsNoRoom() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        String taskId = openTask("Task_ScheduleMediationSession").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, vars("sessionAt", "2026-09-28T09:30:00",
                "sessionMode", "ONLINE", "sessionLink", "javascript:alert(1)", "sessionParticipants", "双方")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("sessionLink");
        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession");

        complete("Task_ScheduleMediationSession", "sessionAt", "2026-09-28T09:30:00", "sessionMode", "IN_PERSON",
                "sessionPlace", "第一调解室", "sessionParticipants", "双方");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("sessionLink").count()).isZero();
    }

    @Test
    void leadAssignsAMediatorOnAcceptance() {
        start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true,
                "assignedMediator", "zhanglei");

        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("zhanglei");
    }

    @Test
    void refusesToAssignSomeoneWhoIsNotAMediatorOfTheOrganisation() {
        ProcessInstance pi = start("mediation");
        String taskId = openTask("Task_DecideMediationAcceptance").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, vars("withinScope", true,
                "otherPartyConsents", true, "assignedMediator", "lixiaoyun")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("assignedMediator")
                .hasMessageContaining("不是本组织的调解员");
        assertThat(pi).isWaitingAt("Task_DecideMediationAcceptance");
        assertThat(variable(pi, "mediationAssignee")).isNull();
    }

    @Test
    void formsAJointMediationGroupForACollectiveCase() {
        ProcessInstance pi = start("mediation", "collective", true);
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true,
                "jointMediation", true);

        assertThat(pi).isWaitingAt("Task_FormJointMediationGroup");
        assertThat(candidateGroups("Task_FormJointMediationGroup")).containsExactly("supervisor-yuzhong");
        complete("Task_FormJointMediationGroup", "labourInspector", "刘监察", "jointArbitrator", "赵仲裁",
                "unionMediator", "周工会", "leadMediator", "zhanglei");

        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession");
        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("zhanglei");
    }

    @Test
    void holdsSeveralSessionsUntilAnOutcomeEachWithItsRecord() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        mediationSession("CONTINUE");
        mediationSession("CONTINUE");

        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession");
        mediationSession("FAILED", "failureReason", "用人单位坚持不支付补偿");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationFailed");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("FAILED");
        assertThat(documents.issued).containsExactly("MEDIATION_ACCEPTANCE_NOTICE", "MEDIATION_SESSION_NOTICE",
                "MEDIATION_RECORD", "MEDIATION_SESSION_NOTICE", "MEDIATION_RECORD", "MEDIATION_SESSION_NOTICE",
                "MEDIATION_RECORD", "MEDIATION_FAILURE_NOTICE");
    }

    @Test
    void endsWhenTheApplicantWithdraws() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        mediationSession("WITHDRAWN");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationWithdrawn");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("WITHDRAWN");
    }

    @Test
    void terminatesWhenFifteenDaysPassWithoutAgreement() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 9));

        fireTimer("Timer_MediationLimit");

        assertThat(pi).isEnded().hasPassed("EndEvent_MediationTerminated");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("EXPIRED");
        assertThat(documents.issued).endsWith("MEDIATION_TERMINATION");
    }

    @Test
    void withoutExtensionTheStatutoryDayOffersNothingExtra() {
        ProcessInstance pi = start("mediation");
        acceptMediation();

        fireTimer("Timer_StatutoryLimitPassed");

        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession").hasPassed("EndEvent_NoOfferNeeded");
        assertThat(pi).hasNotPassed("Task_OfferArbitration");
    }

    @Test
    void extendsTheLimitWithBothPartiesConsentAndKeepsTheMediator() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        engine.getTaskService().claim(openTask("Task_ScheduleMediationSession").getId(), "wangfang");
        mediationSession("EXTENDED", "bothPartiesConsent", true, "extendedUntil", "2026-10-23");

        assertThat(pi).isWaitingAt("Task_ScheduleMediationSession").hasPassed("Task_RecordMediationExtension");
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(timerDay("Timer_StatutoryLimitPassed")).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("wangfang");
        complete("Task_ScheduleMediationSession", "sessionAt", "2026-10-12T09:00:00", "sessionMode", "PHONE",
                "sessionParticipants", "双方");
        assertThat(dueDay("Task_RecordMediationSession")).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(stages.calls).anyMatch(c -> c.startsWith("note EXTENDED 双方同意调解延期至 2026-10-23"));
    }

    @Test
    void refusesExtensionWithoutBothPartiesConsent() {
        start("mediation");
        acceptMediation();
        complete("Task_ScheduleMediationSession", "sessionAt", "2026-09-28T09:30:00", "sessionMode", "PHONE",
                "sessionParticipants", "双方");
        String taskId = openTask("Task_RecordMediationSession").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
                vars("mediationResult", "EXTENDED", "bothPartiesConsent", false, "extendedUntil", "2026-10-23",
                        "sessionRecord", "单方要求延期")))
                .hasMessageContaining("双方当事人同意");
        assertThat(openTask("Task_RecordMediationSession").getId()).isEqualTo(taskId);
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void offersArbitrationAfterFifteenDaysWhileExtendedAndTheWorkerMayContinue() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        mediationSession("EXTENDED", "bothPartiesConsent", true, "extendedUntil", "2026-10-23");

        fireTimer("Timer_StatutoryLimitPassed");
        assertThat(pi).isWaitingAt("Task_OfferArbitration", "Task_ScheduleMediationSession");
        complete("Task_OfferArbitration", "workerChoosesArbitration", false, "offerNote", "电话告知，劳动者愿意继续调解");

        assertThat(pi).hasPassed("EndEvent_MediationContinues").isWaitingAt("Task_ScheduleMediationSession");
        // a later session round does not offer it a second time
        mediationSession("CONTINUE");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_OfferArbitration").count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().activityId("Timer_StatutoryLimitPassed").count())
                .as("re-armed for the new round, but it will offer nothing").isEqualTo(1);
        fireTimer("Timer_StatutoryLimitPassed");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_OfferArbitration").count()).isZero();
    }

    @Test
    void workerGoesToArbitrationAfterFifteenDaysWhateverTheExtension() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        mediationSession("EXTENDED", "bothPartiesConsent", true, "extendedUntil", "2026-10-23");
        fireTimer("Timer_StatutoryLimitPassed");

        complete("Task_OfferArbitration", "workerChoosesArbitration", true, "offerNote", "劳动者决定申请仲裁");

        assertThat(pi).isEnded().hasPassed("EndEvent_WorkerGoesToArbitration");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("WORKER_TO_ARBITRATION");
        assertThat(documents.issued).endsWith("MEDIATION_TERMINATION");
        assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
    }

    @Test
    void courtEntrustedMediationRunsThirtyDaysAndIsNeverDivertedToArbitration() {
        ProcessInstance pi = start("mediation", "mediationSource", "COURT_ENTRUSTED");
        acceptMediation();
        assertThat(timerDay("Timer_MediationLimit")).isEqualTo(LocalDate.of(2026, 10, 26));
        mediationSession("EXTENDED", "bothPartiesConsent", true, "extendedUntil", "2026-11-20");

        fireTimer("Timer_StatutoryLimitPassed");

        assertThat(pi).hasPassed("EndEvent_NoOfferNeeded").isWaitingAt("Task_ScheduleMediationSession");
    }

    @Test
    void aGrantedWithdrawalHandsTheCaseToTheReplacement() {
        ProcessInstance pi = start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true,
                "assignedMediator", "wangfang");
        mediationSession("RECUSAL", "recusalReason", "调解员与被申请人负责人系亲属");

        assertThat(pi).isWaitingAt("Task_DecideMediatorRecusal");
        assertThat(candidateGroups("Task_DecideMediatorRecusal")).containsExactly("supervisor-yuzhong");
        complete("Task_DecideMediatorRecusal", "recusalGranted", true, "replacementMediator", "zhanglei",
                "recusalDecisionNote", "存在利害关系");

        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("zhanglei");
    }

    @Test
    void aRefusedWithdrawalKeepsTheMediator() {
        start("mediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true,
                "assignedMediator", "wangfang");
        mediationSession("RECUSAL", "recusalReason", "不信任调解员");
        complete("Task_DecideMediatorRecusal", "recusalGranted", false, "recusalDecisionNote", "理由不成立");

        assertThat(openTask("Task_ScheduleMediationSession").getAssignee()).isEqualTo("wangfang");
    }

    @Test
    void refusesAnAgreementWhoseInstalmentsDoNotAddUp() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        mediationSession("AGREEMENT");
        String taskId = openTask("Task_DraftMediationAgreement").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, vars("agreementItems", "支付", "agreedAmount",
                5000.0, "paymentDueDate", "2026-10-15", "firstPaymentAmount", 2000.0, "secondPaymentDate",
                "2026-11-15", "secondPaymentAmount", 2000.0, "consolidation", "NONE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("agreedAmount");
        assertThatThrownBy(() -> engine.getTaskService().complete(taskId, vars("agreementItems", "支付", "agreedAmount",
                4000.0, "paymentDueDate", "2026-11-15", "firstPaymentAmount", 2000.0, "secondPaymentDate",
                "2026-10-15", "secondPaymentAmount", 2000.0, "consolidation", "NONE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith("secondPaymentDate");
        assertThat(pi).isWaitingAt("Task_DraftMediationAgreement");
    }

    @Test
    void aPartyWhoRefusesToSignThePaperAgreementEndsMediationWithoutAgreement() {
        ProcessInstance pi = start("mediation");
        acceptMediation();
        agreementDrafted(6200.0, "2026-10-20");

        complete("Task_RecordAgreementSignature", "agreementSigned", false, "signatureNote", "公司拒绝签署");
        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementNotSigned").hasNotPassed("EndEvent_AgreementReached");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("FAILED");
        assertThat(documents.issued).containsSubsequence("MEDIATION_AGREEMENT", "MEDIATION_FAILURE_NOTICE");
    }

    @Test
    void anOnlineApplicantSignsTheAgreementOnline() {
        ProcessInstance pi = start("mediation", "applicationChannel", "PORTAL");
        acceptMediation();
        agreementDrafted(6200.0, "2026-10-20");

        assertThat(pi).isWaitingAt("Task_AwaitAgreementSignature");
        assertThat(documents.issued).contains("MEDIATION_AGREEMENT");
        engine.getRuntimeService().createMessageCorrelation("AgreementSigned").processInstanceBusinessKey(CASE)
                .setVariable("agreementSignedOnline", true).correlate();

        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementReached").hasNotPassed("Task_CollectSignature");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("AGREEMENT");
    }

    @Test
    void anUnsignedAgreementIsCollectedInPersonAfterTheSignaturePeriod() {
        ProcessInstance pi = start("mediation", "applicationChannel", "PORTAL");
        acceptMediation();
        agreementDrafted(6200.0, "2026-10-20");
        passSignaturePeriod();

        complete("Task_CollectSignature", "agreementSigned", true, "signatureNote", "10月9日到场签署纸质协议书");
        assertThat(pi).isEnded().hasPassed("Task_CollectSignature", "EndEvent_AgreementReached");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("AGREEMENT");
    }

    @Test
    void anApplicantWhoWillNotSignEndsMediationWithoutAgreement() {
        ProcessInstance pi = start("mediation", "applicationChannel", "PORTAL");
        acceptMediation();
        agreementDrafted(6200.0, "2026-10-20");
        passSignaturePeriod();

        complete("Task_CollectSignature", "agreementSigned", false, "signatureNote", "申请人拒绝签署");
        assertThat(pi).isEnded().hasPassed("EndEvent_AgreementNotSigned");
        assertThat(variable(pi, "mediationOutcome")).isEqualTo("FAILED");
        assertThat(documents.issued).contains("MEDIATION_FAILURE_NOTICE");
    }

    /** PARTY_SIGNATURE: 5 days from Thu 24 Sep end Tue 29 Sep; the timer fires the day after. */
    private void passSignaturePeriod() {
        org.camunda.bpm.engine.runtime.Job timer = engine.getManagementService().createJobQuery()
                .activityId("Timer_SignatureDue").singleResult();
        assertThat(Deadlines.toLocalDate(timer.getDuedate())).isEqualTo(LocalDate.of(2026, 9, 29));
        ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 30), 9));
        engine.getManagementService().executeJob(timer.getId());
    }
}
