package cn.labordispute.process;

import cn.labordispute.arbitration.AdmissibilityCheck;
import cn.labordispute.arbitration.AwardChallenge;
import cn.labordispute.arbitration.ArbitrationLimitation;
import cn.labordispute.arbitration.FinalAwardTest;
import cn.labordispute.arbitration.HearingSchedule;
import cn.labordispute.arbitration.PartialAward;
import cn.labordispute.arbitration.MinimumWages;
import cn.labordispute.cases.VideoMeetings;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.security.Organisation;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.deadlines.DeadlineCalculator;
import cn.labordispute.cases.AssignMediator;
import cn.labordispute.cases.PaymentSchedule;
import cn.labordispute.deadlines.AwardPeriod;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.deadlines.ExtendAwardLimit;
import cn.labordispute.deadlines.ExtendMediationLimit;
import cn.labordispute.deadlines.StatutoryPeriods;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Base of the *ProcessTests: deploys every model, decision and form from bpmn/ and forms/ as the application does,
 * registers the real deadlines bean and a recording caseStages bean, and starts the clock on a fixed day.
 */
abstract class ProcessTestSupport {

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-tests.cfg.xml")
            .build();

    /** Thursday 24 September 2026: 中秋 (25-27 Sep) and 国庆 (1-7 Oct) lie ahead, 20 Sep and 10 Oct are 调休 days. */
    static final LocalDate TODAY = LocalDate.of(2026, 9, 24);
    static final String CASE = "渝中劳调〔2026〕00042号";

    ProcessEngine engine;
    RecordingCaseStages stages;
    RecordingDocuments documents;
    RecordingRiskLedger riskLedger;
    RecordingSubsidies subsidies;
    RecordingReopening reopening;
    OneWorkerVisits visits;
    RecordingHealthChecks healthChecks;
    RecordingCollectiveWorkers collectiveWorkers;
    Deadlines deadlines;
    private String deploymentId;
    /**
     * With -Dmodels.roundTrip=true (a second Surefire run in the build) every model is first written back by the
     * Camunda model API, as Camunda Modeler would save it, and the process tests run on that.
     */
    static final boolean MODELER_ROUND_TRIP = Boolean.getBoolean("models.roundTrip");

    @BeforeEach
    void deployAndStartClock() throws IOException {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(at(TODAY, 9));
        stages = new RecordingCaseStages();
        StatutoryPeriods periods = new StatutoryPeriods(new ClassPathResource("policy/statutory-periods.csv"), Map.of());
        deadlines = new Deadlines(new DeadlineCalculator(periods,
                new WorkingDayCalendar(new ClassPathResource("policy/holidays-cn.csv"))));
        Mocks.register("caseStages", stages);
        Mocks.register("deadlines", deadlines);
        Mocks.register("extendMediationLimit", new ExtendMediationLimit(deadlines));
        Mocks.register("extendAwardLimit", new ExtendAwardLimit(deadlines, periods));
        Mocks.register("hearingSchedule", new HearingSchedule(periods));
        Mocks.register("awardPeriod", new AwardPeriod(deadlines));
        Mocks.register("awardChallengeCheck", new AwardChallenge());
        Mocks.register("partialAwardCheck", new PartialAward(new CaseCauses(new ClassPathResource("policy/case-causes.csv"))));
        Mocks.register("admissibilityCheck", new AdmissibilityCheck(new ArbitrationLimitation(deadlines)));
        documents = new RecordingDocuments();
        Mocks.register("documents", documents);
        Mocks.register("assignMediator", new AssignMediator(engine.getIdentityService()));
        Mocks.register("paymentSchedule", new PaymentSchedule());
        Mocks.register("videoMeeting", new VideoMeetings(new VideoMeetings.Platforms(null,
                Map.of("yuzhong", "https://video.yuzhong.example/room/{room}"))));
        // 明确请求事项: the real listener writes the restated claims to the case tables (tested through the portal in
        // PortalIntegrationTests); here it only records the day, which the confirmation timer counts from.
        healthChecks = new RecordingHealthChecks();
        Mocks.register("healthChecks", healthChecks);
        visits = new OneWorkerVisits();
        Mocks.register("followUpVisits", visits);
        reopening = new RecordingReopening();
        Mocks.register("caseReopening", reopening);
        subsidies = new RecordingSubsidies();
        Mocks.register("subsidies", subsidies);
        collectiveWorkers = new RecordingCollectiveWorkers();
        Mocks.register("collectiveWorkers", collectiveWorkers);
        riskLedger = new RecordingRiskLedger();
        Mocks.register("riskLedger", riskLedger);
        Mocks.register("claimRestatement", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().setVariable("claimsRestatedOn", deadlines.today());
            }
        });
        Mocks.register("finalAward", new FinalAwardTest(new CaseCauses(new ClassPathResource("policy/case-causes.csv")),
                new MinimumWages(new ClassPathResource("policy/minimum-wages.csv")),
                code -> Optional.of(new Organisation(code, "重庆市渝中区劳动人事争议多元化解中心", "渝中劳调", "渝中区", "重庆市")),
                variables -> {
                    DmnDecisionRuleResult rule = engine.getDecisionService().evaluateDecisionTableByKey("final_award")
                            .variables(variables).evaluate().getSingleResult();
                    return rule == null ? Optional.<Map<String, Object>>empty() : Optional.of(rule.getEntryMap());
                }, FinalAwardTest.WageDate.AWARD));
        staff("wangfang", "mediator-yuzhong");
        staff("zhanglei", "mediator-yuzhong");
        staff("lixiaoyun", "mediator-jishou");
        staff("liuyang", "supervisor-yuzhong");
        staff("zhaomin", "arbitrator-yuzhong");
        staff("hemei", "supervisor-city");
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("process-tests");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/*.form")) {
            for (Resource r : resolver.getResources(pattern)) {
                deployment.addInputStream(r.getFilename(), MODELER_ROUND_TRIP ? RoundTrip.of(r.getFilename(), r.getInputStream())
                        : r.getInputStream());
            }
        }
        deploymentId = deployment.deploy().getId();
    }

    private void staff(String userId, String groupId) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            identity.saveUser(identity.newUser(userId));
            identity.createMembership(userId, groupId);
        }
    }

    @AfterEach
    void undeployAndResetClock() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
        ClockUtil.reset();
        Mocks.reset();
    }

    /** Starts a process as a stage of case {@link #CASE}, with the variables the main process passes down. */
    ProcessInstance start(String key, Object... keyValues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", CASE);
        variables.put("organisation", "yuzhong");
        variables.put("paymentOrderEligible", true);
        variables.put("applicationChannel", "WINDOW");
        variables.put("firstResponder", null);
        variables.putAll(vars(keyValues));
        return engine.getRuntimeService().startProcessInstanceByKey(key, CASE, variables);
    }

    static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** The case's one open task (in whichever process of the case); it must be the expected one. */
    Task openTask(String taskKey) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(CASE).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).contains(taskKey);
        return open.stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst().orElseThrow();
    }

    /** Completes the case's open task with the given key, checking its candidate group on the way. */
    void complete(String taskKey, Object... keyValues) {
        Task task = openTask(taskKey);
        assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
        engine.getTaskService().complete(task.getId(), vars(keyValues));
    }

    /** Accepts the mediation application (the mediators' group will claim the case). */
    void acceptMediation() {
        complete("Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
    }

    /** One mediation session: scheduled, held and recorded with the given result and further record fields. */
    void mediationSession(String result, Object... more) {
        complete("Task_ScheduleMediationSession", "sessionAt", "2026-09-28T09:30:00", "sessionMode", "IN_PERSON",
                "sessionPlace", "渝中区劳动争议调解中心", "sessionParticipants", "申请人、被申请人代理人");
        Object[] fields = new Object[more.length + 4];
        fields[0] = "mediationResult";
        fields[1] = result;
        fields[2] = "sessionRecord";
        fields[3] = "会谈记录";
        System.arraycopy(more, 0, fields, 4, more.length);
        complete("Task_RecordMediationSession", fields);
    }

    /** The agreement drafted after a session that reached it (one payment of {@code amount} yuan on {@code date}) and
     *  issued; the parties then sign it on paper (recorded by the mediator) or, an online applicant, in 我的申请. */
    void agreementDrafted(double amount, String date) {
        mediationSession("AGREEMENT");
        complete("Task_DraftMediationAgreement", "agreementItems", "支付" + amount + "元", "agreedAmount", amount,
                "paymentDueDate", date, "firstPaymentAmount", amount, "consolidation", "NONE");
    }

    /** As {@link #agreementDrafted} and signed on paper by both parties, as the mediator records. */
    void agreementSigned(double amount, String date) {
        agreementDrafted(amount, date);
        complete("Task_RecordAgreementSignature", "agreementSigned", true, "agreementSignedOn", "2026-09-25",
                "signatureNote", "双方当场签署");
    }

    /** Arbitration after acceptance: the application copy served, the tribunal notified, the defence received. */
    void servedAndDefended() {
        servedAndDefended("SOLE");
    }

    /** As {@link #servedAndDefended()} with the tribunal given: SOLE, or PANEL (three arbitrators). */
    void servedAndDefended(String tribunal) {
        complete("Task_ServeApplicationCopy", "respondentServedOn", "2026-09-25", "tribunal", tribunal,
                "tribunalNotifiedOn", "2026-09-25");
        complete("Task_RecordDefence", "defenceReceived", true, "defenceSummary", "不同意支付", "defenceServedOn", "2026-09-28");
        hearingScheduled("2026-10-12T09:30");
    }

    /** 开庭通知: the hearing's date, place and arbitrator, at least five days ahead. */
    void hearingScheduled(String at) {
        complete("Task_ScheduleHearing", "hearingAt", at, "hearingPlace", "第一仲裁庭", "presidingArbitrator", "赵敏",
                "panelArbitrators", "钱仲裁、孙仲裁");
    }

    List<String> candidateGroups(String taskKey) {
        return engine.getTaskService().getIdentityLinksForTask(openTask(taskKey).getId()).stream()
                .map(IdentityLink::getGroupId).toList();
    }

    /** The due date as the engine stored it, as the day it falls on in China. */
    LocalDate dueDay(String taskKey) {
        return Deadlines.toLocalDate(openTask(taskKey).getDueDate());
    }

    /** Moves the clock past the one timer job of the case's processes and fires it. */
    void fireTimer(String activityId) {
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(activityId).singleResult();
        assertThat(timer).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        engine.getManagementService().executeJob(timer.getId());
    }

    LocalDate timerDay(String activityId) {
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(activityId).singleResult();
        return Deadlines.toLocalDate(timer.getDuedate());
    }

    static Date at(LocalDate day, int hour) {
        return Date.from(LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(WorkingDayCalendar.ZONE).toInstant());
    }

    Object variable(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult().getValue();
    }
}
