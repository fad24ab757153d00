package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class ArbitrationProcessTests extends ProcessTestSupport {

    /** Accepted, served, defended and heard without agreement: the award is next. */
    private void heard() {
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        servedAndDefended();
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", false);
    }

    private void acceptAndHear() {
        heard();
        complete("Task_IssueAward", "awardSummary", "支付赔偿金", "awardedAmount", 36000.0,
                "awardItems", "[{\"causeCode\":\"TERM_UNLAWFUL\",\"amount\":36000}]", "awardMadeOn", "2026-11-01",
                "awardServedOn", "2026-11-02");
    }

    @Test
    void decidesAcceptanceWithinFiveDays() {
        ProcessInstance pi = start("arbitration");
        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance");
        assertThat(candidateGroups("Task_DecideArbitrationAcceptance")).containsExactly("arbitrator-yuzhong");
        // 5 days from Thu 24 Sep: Tue 29 Sep
        assertThat(dueDay("Task_DecideArbitrationAcceptance")).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(stages.stagesEntered()).containsExactly("ARBITRATION");
    }

    @Test
    void theArbitratorWhoAcceptsTheCaseHandlesItsLaterStepsAndTheGroupRemainsTheFallback() {
        start("arbitration");
        engine.getTaskService().claim(openTask("Task_DecideArbitrationAcceptance").getId(), "zhaomin");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");

        assertThat(openTask("Task_ServeApplicationCopy").getAssignee()).isEqualTo("zhaomin");
        assertThat(candidateGroups("Task_ServeApplicationCopy")).contains("arbitrator-yuzhong");
        servedAndDefended();
        assertThat(openTask("Task_HoldHearing").getAssignee()).isEqualTo("zhaomin");
    }

    @Test
    void refusalLetsApplicantSue() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "REFUSE", "refusalReason", "超过仲裁时效");
        complete("Task_RecordSuitAfterRefusal", "partySued", true, "followupNote", "已向法院起诉");

        assertThat(pi).isEnded().hasPassed("EndEvent_RefusedToCourt");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("TO_COURT");
        assertThat(variable(pi, "litigationType")).isEqualTo("SUIT");
        assertThat(documents.issued).containsExactly("ARBITRATION_REFUSAL_NOTICE");
    }

    @Test
    void closesWhenRefusedApplicantDoesNotSue() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "REFUSE", "refusalReason", "不属于受案范围");
        complete("Task_RecordSuitAfterRefusal", "partySued", false, "followupNote", "申请人表示不再起诉");

        assertThat(pi).isEnded().hasPassed("EndEvent_NotPursued");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("ARBITRATION_NOT_PURSUED");
    }

    @Test
    void entrustsMediationThatReachesAgreement() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ENTRUST_MEDIATION");
        assertThat(pi).isWaitingAt("CallActivity_EntrustedMediation");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        agreementSigned(4000.0, "2026-10-15");

        assertThat(pi).isEnded().hasPassed("EndEvent_EntrustedAgreement");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("MEDIATION_AGREEMENT");
        assertThat(variable(pi, "paymentDueDate")).isEqualTo("2026-10-15");
        assertThat(stages.stagesEntered()).containsExactly("ARBITRATION", "MEDIATION", "ARBITRATION");
    }

    @Test
    void getsTheCaseBackWhenEntrustedMediationFailsAndMediatesBeforeAward() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ENTRUST_MEDIATION");
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(LocalDate.of(2026, 9, 28), 9));
        mediationSession("FAILED");

        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance");
        // the mediation's four days are recorded and the 5 days for the decision count afresh: Sat 3 Oct is 国庆, so Thu 8 Oct
        assertThat(stages.calls).contains("note ENTRUSTED_MEDIATION 委托调解自2026-09-24起用时4日，另行记录，不计入仲裁立案审查期限");
        assertThat(dueDay("Task_DecideArbitrationAcceptance")).isEqualTo(LocalDate.of(2026, 10, 8));
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        servedAndDefended();
        // the award is due 45 days after acceptance (Mon 28 Sep): Thu 12 Nov
        assertThat(dueDay("Task_HoldHearing")).isEqualTo(LocalDate.of(2026, 11, 12));
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", true);

        assertThat(pi).isEnded().hasPassed("EndEvent_ArbitrationMediated");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("ARBITRATION_MEDIATED");
        assertThat(documents.issued).as("the entrusted mediation's documents, then arbitration's").containsExactly(
                "MEDIATION_ACCEPTANCE_NOTICE", "MEDIATION_SESSION_NOTICE", "MEDIATION_RECORD", "MEDIATION_FAILURE_NOTICE",
                "ARBITRATION_ACCEPTANCE_NOTICE", "ARBITRATION_RESPONDENT_NOTICE", "ARBITRATION_HEARING_NOTICE",
                "ARBITRATION_MEDIATION");
    }

    @Test
    void awardChallengedInCourt() {
        ProcessInstance pi = start("arbitration");
        acceptAndHear();
        assertThat(candidateGroups("Task_RecordAwardResponse")).containsExactly("court-liaison-yuzhong");
        // served Mon 2 Nov; 15 days: Tue 17 Nov
        assertThat(dueDay("Task_RecordAwardResponse")).isEqualTo(LocalDate.of(2026, 11, 17));
        complete("Task_RecordAwardResponse", "partySued", true);

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardChallenged");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("TO_COURT");
    }

    @Test
    void awardAcceptedByBothParties() {
        ProcessInstance pi = start("arbitration");
        acceptAndHear();
        complete("Task_RecordAwardResponse", "partySued", false);

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardEffective");
        assertThat(variable(pi, "caseOutcome")).isEqualTo("AWARD_EFFECTIVE");
    }

    @Test
    void awardTakesEffectWhenSuitWindowLapses() {
        ProcessInstance pi = start("arbitration");
        acceptAndHear();
        assertThat(timerDay("Timer_AwardSuitWindow")).isEqualTo(LocalDate.of(2026, 11, 17));

        fireTimer("Timer_AwardSuitWindow");

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardEffectiveByLapse");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("AWARD_EFFECTIVE");
    }

    private void requestExtension(boolean approved, int days) {
        complete("Task_IssueAward", "requestExtension", true, "extensionReason", "案情复杂");
        complete("Task_ApproveAwardExtension", "extensionApproved", approved, "approvedExtensionDays", days,
                "approvalNote", approved ? "同意" : "不同意");
    }

    @Test
    void directorExtendsTheAwardLimitUpToFifteenDaysInTotal() {
        ProcessInstance pi = start("arbitration");
        heard();
        assertThat(dueDay("Task_IssueAward")).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(candidateGroups("Task_IssueAward")).containsExactly("arbitrator-yuzhong");

        requestExtension(true, 10);
        // 45 + 10 days from Thu 24 Sep: Wed 18 Nov
        assertThat(pi).isWaitingAt("Task_IssueAward");
        assertThat(variable(pi, "requestExtension")).as("the award form opens for the award, not another request").isEqualTo(false);
        assertThat(dueDay("Task_IssueAward")).isEqualTo(LocalDate.of(2026, 11, 18));
        requestExtension(true, 5);
        // 45 + 15 days: Mon 23 Nov
        assertThat(dueDay("Task_IssueAward")).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(variable(pi, "awardExtensionDays")).isEqualTo(15);

        complete("Task_IssueAward", "requestExtension", true, "extensionReason", "仍需延期");
        String approval = openTask("Task_ApproveAwardExtension").getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(approval,
                vars("extensionApproved", true, "approvedExtensionDays", 1, "approvalNote", "同意")))
                .hasMessageContaining("不得超过15日");
        assertThat(stages.calls).filteredOn(c -> c.startsWith("note EXTENDED")).hasSize(2);
        assertThat(documents.issued).filteredOn("AWARD_EXTENSION_NOTICE"::equals).as("one notice per extension").hasSize(2);
    }

    @Test
    void refusedExtensionLeavesTheAwardLimitAlone() {
        ProcessInstance pi = start("arbitration");
        heard();
        requestExtension(false, 0);

        assertThat(pi).isWaitingAt("Task_IssueAward");
        assertThat(dueDay("Task_IssueAward")).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(stages.calls).contains("note EXTENDED 仲裁委员会主任未批准延长审理期限");
        assertThat(documents.issued).doesNotContain("AWARD_EXTENSION_NOTICE");
    }

    @Test
    void servesWithinFiveDaysAndGoesOnWhenNoDefenceComes() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        // accepted Thu 24 Sep: copy served and tribunal notified within 5 days, Tue 29 Sep
        assertThat(dueDay("Task_ServeApplicationCopy")).isEqualTo(LocalDate.of(2026, 9, 29));
        complete("Task_ServeApplicationCopy", "respondentServedOn", "2026-09-25", "tribunal", "PANEL",
                "tribunalNotifiedOn", "2026-09-25");
        // defence within 10 days of receipt (Fri 25 Sep): Mon 5 Oct is 国庆, so Thu 8 Oct
        assertThat(dueDay("Task_RecordDefence")).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(timerDay("Timer_DefencePeriod")).isEqualTo(LocalDate.of(2026, 10, 8));

        fireTimer("Timer_DefencePeriod");

        assertThat(pi).isWaitingAt("Task_ScheduleHearing").hasPassed("Timer_DefencePeriod");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_RecordDefence").singleResult().getDeleteReason())
                .as("the defence task was not completed").isNotEqualTo("completed");
    }

    @Test
    void anAwardWithFinalAndNonFinalItemsIsDecidedItemByItem() {
        ProcessInstance pi = start("arbitration");
        heard();
        complete("Task_IssueAward", "awardSummary", "支付停工留薪期工资及违法解除赔偿金", "awardedAmount", 57600.0,
                // as the award form submits them: one row per item
                "awardItem1Cause", "PAY_INJURY_LEAVE", "awardItem1Amount", 15600.0,
                "awardItem2Cause", "TERM_UNLAWFUL", "awardItem2Amount", 42000.0,
                "awardItem3Cause", "REST_HOURS", "awardItem3NationalStandard", true,
                "awardMadeOn", "2026-11-01", "awardServedOn", "2026-11-02");

        assertThat(pi).isWaitingAt("Task_RecordAwardResponse").hasPassed("Task_ClassifyAwardItems");
        assertThat(documents.issuedAt).contains("ARBITRATION_AWARD@Task_ClassifyAwardItems");
        assertThat(variable(pi, "finalAwardItems")).isEqualTo(true);
        assertThat(variable(pi, "nonFinalAwardItems")).isEqualTo(true);
        // 渝中区's standard (2,330 from 2025-07-01) is marked unverified in the table: the arbitrator checks it
        assertThat(variable(pi, "finalAwardNeedsReview")).isEqualTo(true);
        assertThat((String) variable(pi, "awardFinalSummary"))
                .contains("第1项 停工留薪期工资 15,600.00 元：终局裁决")
                .contains("第2项 违法解除劳动合同赔偿金 42,000.00 元：非终局裁决")
                .contains("第3项 工作时间与休息：终局裁决").contains("限额 27,960.00 元");
        assertThat((String) variable(pi, "awardItemsClassified")).contains("\"finalItem\":true").contains("\"finalItem\":false");
        // with a final item the parties' window runs until the employer's 30 days to apply to set it aside (LDMAL art.49)
        assertThat(dueDay("Task_RecordAwardResponse")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(timerDay("Timer_AwardSuitWindow")).isEqualTo(LocalDate.of(2026, 12, 2));
        fireTimer("Timer_AwardSuitWindow");
        assertThat(pi).isEnded().hasPassed("EndEvent_AwardEffectiveByLapse");
    }

    @Test
    void anAwardWithoutItsItemsIsRefusedNamingTheFieldAndNothingMoves() {
        ProcessInstance pi = start("arbitration");
        heard();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete("Task_IssueAward", "awardSummary", "裁决",
                "awardedAmount", 1000.0, "awardMadeOn", "2026-11-01", "awardServedOn", "2026-11-02"))
                .hasMessageContaining("awardItem1Cause").hasMessageContaining("逐项列明");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete("Task_IssueAward", "awardSummary", "裁决",
                "awardItems", "[{\"causeCode\":\"NO_SUCH\",\"amount\":1}]", "awardMadeOn", "2026-11-01",
                "awardServedOn", "2026-11-02"))
                .hasMessageContaining("awardItems[0].causeCode");
        assertThat(pi).isWaitingAt("Task_IssueAward");
    }

    @Test
    void noDecisionOnAcceptanceWithinFiveDaysLetsTheApplicantSue() {
        ProcessInstance pi = start("arbitration");
        // received Thu 24 Sep: the commission must decide by Tue 29 Sep
        assertThat(timerDay("Timer_AcceptanceSilence")).isEqualTo(LocalDate.of(2026, 9, 29));
        fireTimer("Timer_AcceptanceSilence");

        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance", "Task_RecordSuitAfterSilence");
        assertThat(candidateGroups("Task_RecordSuitAfterSilence")).containsExactly("court-liaison-yuzhong");
        complete("Task_RecordSuitAfterSilence", "partySued", true, "followupNote", "申请人已向渝中区人民法院起诉");

        assertThat(pi).isEnded().hasPassed("EndEvent_SilenceToCourt").hasNotPassed("Task_ServeApplicationCopy");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("TO_COURT");
        assertThat(variable(pi, "litigationType")).isEqualTo("SUIT");
    }

    @Test
    void anApplicantWhoDoesNotSueAfterTheSilenceStillGetsTheDecision() {
        ProcessInstance pi = start("arbitration");
        fireTimer("Timer_AcceptanceSilence");
        complete("Task_RecordSuitAfterSilence", "partySued", false, "followupNote", "申请人选择等待");

        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance").hasPassed("EndEvent_SilenceNoSuit");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        assertThat(pi).isWaitingAt("Task_ServeApplicationCopy");
    }

    private void servedAndDefendedWithoutHearing(String tribunal) {
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        complete("Task_ServeApplicationCopy", "respondentServedOn", "2026-09-25", "tribunal", tribunal,
                "tribunalNotifiedOn", "2026-09-25");
        complete("Task_RecordDefence", "defenceReceived", true, "defenceSummary", "不同意支付", "defenceServedOn", "2026-09-28");
    }

    private String refusal(String taskKey, Object... values) {
        try {
            complete(taskKey, values);
        } catch (org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError(taskKey + " was not refused");
    }

    @Test
    void theHearingIsNoticedAtLeastFiveDaysAheadWithTheHearingNotice() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        assertThat(candidateGroups("Task_ScheduleHearing")).containsExactly("arbitrator-yuzhong");
        // today is Thu 24 Sep: Tue 29 Sep is the earliest hearing day, Mon 28 Sep is too soon
        assertThat(refusal("Task_ScheduleHearing", "hearingAt", "2026-09-28T09:30", "hearingPlace", "第一仲裁庭",
                "presidingArbitrator", "赵敏")).contains("hearingAt", "至少5日后", "2026年9月29日");
        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        assertThat(documents.issued).doesNotContain("ARBITRATION_HEARING_NOTICE");

        hearingScheduled("2026-09-29T09:30");
        assertThat(pi).isWaitingAt("Task_HoldHearing");
        assertThat(documents.issuedAt).contains("ARBITRATION_HEARING_NOTICE@Task_IssueHearingNotice");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_HoldHearing").singleResult()
                .getFollowUpDate()).as("the hearing task shows on the hearing day").isNotNull();
    }

    @Test
    void aCollectiveCaseNeedsAThreeMemberTribunal() {
        ProcessInstance pi = start("arbitration", "collective", true);
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT");
        assertThat(refusal("Task_ServeApplicationCopy", "respondentServedOn", "2026-09-25", "tribunal", "SOLE",
                "tribunalNotifiedOn", "2026-09-25")).contains("tribunal", "三名仲裁员");
        assertThat(pi).isWaitingAt("Task_ServeApplicationCopy");
        complete("Task_ServeApplicationCopy", "respondentServedOn", "2026-09-25", "tribunal", "PANEL",
                "tribunalNotifiedOn", "2026-09-25");
        assertThat(pi).isWaitingAt("Task_RecordDefence");
    }

    @Test
    void aPostponementAskedThreeDaysAheadIsRescheduledALateOneIsRefused() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        // the hearing is Mon 12 Oct: asked on Sat 10 Oct is too late, on Fri 9 Oct in time
        assertThat(refusal("Task_HoldHearing", "hearingOutcome", "POSTPONED", "postponementRequestedOn", "2026-10-10",
                "postponementReason", "证人出差")).contains("postponementRequestedOn", "3日前", "2026年10月9日");
        complete("Task_HoldHearing", "hearingOutcome", "POSTPONED", "postponementRequestedOn", "2026-10-09",
                "postponementReason", "申请人住院");

        assertThat(pi).hasPassed("Task_RecordPostponement").isWaitingAt("Task_ScheduleHearing");
        hearingScheduled("2026-10-20T09:30");
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-20", "hearingRecord", "庭审", "mediatedBeforeAward", false);
        assertThat(pi).isWaitingAt("Task_IssueAward");
        assertThat(documents.issued.stream().filter("ARBITRATION_HEARING_NOTICE"::equals)).hasSize(2);
    }

    @Test
    void aGrantedRecusalMeansANewArbitratorAndANewHearing() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        complete("Task_HoldHearing", "hearingOutcome", "RECUSAL", "recusalRequestedBy", "被申请人",
                "recusalReason", "仲裁员系申请人近亲属");
        assertThat(candidateGroups("Task_DecideArbitratorRecusal")).containsExactly("supervisor-yuzhong");
        complete("Task_DecideArbitratorRecusal", "recusalGranted", true, "recusalDecision", "准予回避，另行指定仲裁员");

        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
    }

    @Test
    void aRefusedRecusalKeepsTheHearing() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        complete("Task_HoldHearing", "hearingOutcome", "RECUSAL", "recusalRequestedBy", "被申请人", "recusalReason", "无");
        complete("Task_DecideArbitratorRecusal", "recusalGranted", false, "recusalDecision", "理由不成立");

        assertThat(pi).isWaitingAt("Task_HoldHearing");
        assertThat(documents.issued.stream().filter("ARBITRATION_HEARING_NOTICE"::equals)).hasSize(1);
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-12", "hearingRecord", "庭审", "mediatedBeforeAward", false);
        assertThat(pi).isWaitingAt("Task_IssueAward");
    }

    /** The application was received on Thu 24 Sep 2026 (the test clock). */
    @Test
    void theLastDayOfTheYearIsStillInTime() {
        ProcessInstance pi = start("arbitration");
        // knew on Wed 24 Sep 2025: the year ends Thu 24 Sep 2026, the day of receipt — still in time
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT", "disputeScope", "WITHIN_SCOPE",
                "infringementKnownOn", "2025-09-24");
        assertThat(pi).isWaitingAt("Task_ServeApplicationCopy");
        assertThat(variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
        assertThat(variable(pi, "limitationLastDay")).isEqualTo("2026-09-24");
    }

    @Test
    void oneDayLateTheAcceptanceIsRefusedAndARefusalTakesTheReason() {
        ProcessInstance pi = start("arbitration");
        // knew on Tue 23 Sep 2025: the year ended Wed 23 Sep 2026, the day before receipt
        assertThat(refusal("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT",
                "disputeScope", "WITHIN_SCOPE", "infringementKnownOn", "2025-09-23"))
                .contains("acceptanceDecision", "一年的仲裁时效");
        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance");
        assertThat(documents.issued).isEmpty();

        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "REFUSE", "disputeScope", "WITHIN_SCOPE",
                "infringementKnownOn", "2025-09-23");
        assertThat(pi).isWaitingAt("Task_RecordSuitAfterRefusal");
        assertThat(variable(pi, "refusalReason")).asString().contains("超过一年的仲裁时效", "第二十七条");
        assertThat(documents.issued).containsExactly("ARBITRATION_REFUSAL_NOTICE");
    }

    @Test
    void anInterruptionStartsTheYearAfresh() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT", "infringementKnownOn", "2024-05-01",
                "limitationInterruptedOn", "2026-01-10");
        assertThat(variable(pi, "limitationLastDay")).isEqualTo("2027-01-11"); // Sun 10 Jan 2027, so Mon 11 Jan
        assertThat(pi).isWaitingAt("Task_ServeApplicationCopy");
    }

    @Test
    void unpaidWagesDuringEmploymentAreNotTimeBarredUntilItEnds() {
        ProcessInstance pi = start("arbitration");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT", "infringementKnownOn", "2022-03-01",
                "wageClaimDuringEmployment", true, "stillEmployed", true);
        assertThat(variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
        assertThat(variable(pi, "limitationLastDay")).isNull();
    }

    @Test
    void aDisputeThatIsNotALabourDisputeIsRefusedWithItsReason() {
        ProcessInstance pi = start("arbitration");
        assertThat(refusal("Task_DecideArbitrationAcceptance", "acceptanceDecision", "ACCEPT",
                "disputeScope", "NOT_LABOUR_DISPUTE")).contains("acceptanceDecision", "第二条");
        complete("Task_DecideArbitrationAcceptance", "acceptanceDecision", "REFUSE", "disputeScope", "NOT_LABOUR_DISPUTE");
        assertThat(variable(pi, "admissibility")).isEqualTo("OUT_OF_SCOPE");
        assertThat(variable(pi, "refusalReason")).asString().contains("不属于", "第二条");
    }

    @Test
    void aRefusalOfAnAdmissibleApplicationNeedsItsOwnReason() {
        ProcessInstance pi = start("arbitration");
        assertThat(refusal("Task_DecideArbitrationAcceptance", "acceptanceDecision", "REFUSE",
                "infringementKnownOn", "2026-06-01")).contains("refusalReason");
        assertThat(pi).isWaitingAt("Task_DecideArbitrationAcceptance");
    }

    @Test
    void aCounterclaimStartsTheFortyFiveDaysAfresh() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        // accepted Thu 24 Sep: the award is due Mon 9 Nov
        assertThat(dueDay("Task_HoldHearing")).isEqualTo(LocalDate.of(2026, 11, 9));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(LocalDate.of(2026, 10, 12), 9));
        assertThat(refusal("Task_HoldHearing", "hearingOutcome", "RESTARTED", "awardRestartReason", "COUNTERCLAIM",
                "awardRestartedOn", "2026-10-13")).contains("awardRestartedOn", "今天");
        complete("Task_HoldHearing", "hearingOutcome", "RESTARTED", "awardRestartReason", "COUNTERCLAIM",
                "awardRestartedOn", "2026-10-12");

        assertThat(pi).hasPassed("Task_RecordAwardPeriodChange").isWaitingAt("Task_ScheduleHearing");
        assertThat(stages.calls).contains("note AWARD_PERIOD 被申请人提出反申请并合并审理，仲裁审理期限自2026-10-12起重新计算，裁决期限至 2026-11-26");
        hearingScheduled("2026-10-20T09:30");
        // 45 days from Mon 12 Oct: Thu 26 Nov
        assertThat(dueDay("Task_HoldHearing")).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(timerDay("Timer_AwardOverdueAtHearing")).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void aSuspensionIsNotCounted() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        complete("Task_HoldHearing", "hearingOutcome", "SUSPENDED", "awardSuspendedDays", 10,
                "awardSuspensionReason", "等待工伤认定结论");

        assertThat(pi).isWaitingAt("Task_ScheduleHearing");
        hearingScheduled("2026-10-20T09:30");
        // 45 days counted from Sun 4 Oct (24 Sep + 10): Wed 18 Nov
        assertThat(dueDay("Task_HoldHearing")).isEqualTo(LocalDate.of(2026, 11, 18));
    }

    @Test
    void noAwardInTimeLetsThePartySueAndSuingEndsTheArbitration() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        assertThat(timerDay("Timer_AwardOverdueAtHearing")).isEqualTo(LocalDate.of(2026, 11, 9));
        fireTimer("Timer_AwardOverdueAtHearing");

        assertThat(pi).isWaitingAt("Task_HoldHearing", "Task_RecordSuitAfterOverdueAward");
        assertThat(candidateGroups("Task_RecordSuitAfterOverdueAward")).containsExactly("court-liaison-yuzhong");
        complete("Task_RecordSuitAfterOverdueAward", "partySued", true, "followupNote", "劳动者已起诉");

        assertThat(pi).isEnded().hasPassed("EndEvent_OverdueAwardToCourt");
        assertThat(variable(pi, "arbitrationOutcome")).isEqualTo("TO_COURT");
    }

    @Test
    void noAwardInTimeButNoSuitTheArbitrationGoesOn() {
        ProcessInstance pi = start("arbitration");
        heard();
        assertThat(timerDay("Timer_AwardOverdue")).isEqualTo(LocalDate.of(2026, 11, 9));
        fireTimer("Timer_AwardOverdue");
        complete("Task_RecordSuitAfterOverdueAward", "partySued", false, "followupNote", "当事人等待裁决");

        assertThat(pi).isWaitingAt("Task_IssueAward").hasPassed("EndEvent_OverdueNoSuit");
    }

    private ProcessInstance heardWithClearFacts() {
        ProcessInstance pi = start("arbitration");
        servedAndDefendedWithoutHearing("SOLE");
        hearingScheduled("2026-10-12T09:30");
        complete("Task_HoldHearing", "hearingHeldOn", "2026-10-12", "hearingRecord", "欠薪事实清楚，解除是否违法需鉴定",
                "mediatedBeforeAward", false, "partialAward", true);
        return pi;
    }

    @Test
    void clearFactsAreDecidedFirstWithAdvanceExecutionWhileTheRestGoesOn() {
        ProcessInstance pi = heardWithClearFacts();
        assertThat(pi).isWaitingAt("Task_IssueAward", "Task_IssuePartialAward");
        assertThat(candidateGroups("Task_IssuePartialAward")).containsExactly("arbitrator-yuzhong");
        complete("Task_IssuePartialAward", "partialAwardCause", "PAY_ARREARS", "partialAwardAmount", 12400.0,
                "partialAwardFacts", "被申请人拖欠申请人2026年7月、8月工资共12400元，双方无异议。", "advanceExecution", true,
                "rightsClear", true, "livelihoodAffected", true, "advanceExecutionCourt", "重庆市渝中区人民法院");

        assertThat(pi).hasPassed("EndEvent_PartialAwardServed").isWaitingAt("Task_IssueAward");
        assertThat(documents.issuedAt).contains("PARTIAL_AWARD@Task_CheckPartialAward");
        assertThat(stages.calls).contains("note PARTIAL_AWARD 先行裁决并先予执行：拖欠工资");
    }

    @Test
    void advanceExecutionNeedsBothConditionsAndOnlyTheFourKindsOfClaim() {
        ProcessInstance pi = heardWithClearFacts();
        assertThat(refusal("Task_IssuePartialAward", "partialAwardCause", "PAY_ARREARS", "partialAwardAmount", 12400.0,
                "partialAwardFacts", "欠薪", "advanceExecution", true, "rightsClear", true, "livelihoodAffected", false,
                "advanceExecutionCourt", "重庆市渝中区人民法院")).contains("livelihoodAffected", "严重影响申请人的生活");
        assertThat(refusal("Task_IssuePartialAward", "partialAwardCause", "REST_HOURS", "partialAwardAmount", 100.0,
                "partialAwardFacts", "工时", "advanceExecution", false)).contains("partialAwardCause", "不适用");
        assertThat(pi).isWaitingAt("Task_IssuePartialAward");
        assertThat(documents.issued).doesNotContain("PARTIAL_AWARD");
        complete("Task_IssuePartialAward", "partialAwardCause", "TERM_COMPENSATION", "partialAwardAmount", 8000.0,
                "partialAwardFacts", "双方确认劳动合同已于2026年8月解除，应支付经济补偿8000元。", "advanceExecution", false);
        assertThat(stages.calls).contains("note PARTIAL_AWARD 先行裁决：经济补偿金");
    }

    private ProcessInstance awarded(String items) {
        ProcessInstance pi = start("arbitration");
        heard();
        complete("Task_IssueAward", "awardSummary", "裁决", "awardedAmount", 1000.0, "awardItems", items,
                "awardMadeOn", "2026-11-01", "awardServedOn", "2026-11-02");
        return pi;
    }

    @Test
    void theEmployerSetsAsideAFinalAwardAndCannotSueOnIt() {
        // 15,600 yuan of 停工留薪期工资 is within 12 × 渝中区's minimum wage: final
        ProcessInstance pi = awarded("[{\"causeCode\":\"PAY_INJURY_LEAVE\",\"amount\":15600}]");
        assertThat(refusal("Task_RecordAwardResponse", "partySued", true, "awardChallenge", "EMPLOYER_SUIT"))
                .contains("awardChallenge", "只能向中级人民法院申请撤销");
        complete("Task_RecordAwardResponse", "partySued", true, "awardChallenge", "SET_ASIDE");

        assertThat(pi).isEnded().hasPassed("Task_CheckAwardChallenge", "EndEvent_AwardChallenged");
        assertThat(variable(pi, "litigationType")).isEqualTo("SET_ASIDE");
    }

    @Test
    void aNonFinalAwardCannotBeSetAsideTheEmployerSues() {
        ProcessInstance pi = awarded("[{\"causeCode\":\"TERM_UNLAWFUL\",\"amount\":42000}]");
        assertThat(refusal("Task_RecordAwardResponse", "partySued", true, "awardChallenge", "SET_ASIDE"))
                .contains("awardChallenge", "不适用申请撤销");
        complete("Task_RecordAwardResponse", "partySued", true, "awardChallenge", "EMPLOYER_SUIT");

        assertThat(pi).isEnded().hasPassed("EndEvent_AwardChallenged");
        assertThat(variable(pi, "litigationType")).isEqualTo("SUIT");
        assertThat(variable(pi, "awardChallenge")).isEqualTo("EMPLOYER_SUIT");
    }
}
