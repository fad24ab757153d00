package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class FollowUpProcessTests extends ProcessTestSupport {

    private static final Object[] NO_SERVICES = {"satisfaction", "5", "agreementHonoured", true,
        "needsCounselling", false, "needsJobReferral", false, "needsHardshipAid", false, "visitNote", "满意"};

    @Test
    void endsAfterVisitWhenNoServiceIsNeeded() {
        ProcessInstance pi = start("follow_up");
        // 30 days from Thu 24 Sep: Sat 24 Oct, a rest day, so Mon 26 Oct
        assertThat(dueDay("Task_ReturnVisit")).isEqualTo(LocalDate.of(2026, 10, 26));
        complete("Task_ReturnVisit", NO_SERVICES);

        assertThat(pi).isEnded().hasPassed("EndEvent_FollowUpDone")
                .hasNotPassed("Task_Counselling", "Task_JobReferral", "Task_HardshipAid");
        assertThat(stages.stagesEntered()).containsExactly("FOLLOW_UP");
    }

    @Test
    void offersCounsellingOnly() {
        ProcessInstance pi = start("follow_up");
        complete("Task_ReturnVisit", "satisfaction", "3", "needsCounselling", true, "needsJobReferral", false,
                "needsHardshipAid", false, "visitNote", "情绪低落");

        assertThat(pi).isWaitingAt("Task_Counselling");
        complete("Task_Counselling", "counsellingRecord", "已疏导");
        assertThat(pi).isEnded().hasNotPassed("Task_JobReferral");
    }

    @Test
    void offersAllThreeServicesInParallel() {
        ProcessInstance pi = start("follow_up");
        complete("Task_ReturnVisit", "satisfaction", "4", "needsCounselling", true, "needsJobReferral", true,
                "needsHardshipAid", true, "visitNote", "失业，生活困难");

        assertThat(pi).isWaitingAt("Task_Counselling", "Task_JobReferral", "Task_HardshipAid");
        assertThat(candidateGroups("Task_HardshipAid")).containsExactly("supervisor-yuzhong");
        complete("Task_JobReferral", "recommendedEmployer", "重庆某物流公司");
        complete("Task_HardshipAid", "aidAmount", 2000.0, "aidFund", "困难职工帮扶资金", "aidApproved", true, "aidNote", "同意");
        complete("Task_Counselling", "counsellingRecord", "已疏导");
        assertThat(pi).isEnded().hasPassed("EndEvent_FollowUpDone");
    }

    @Test
    void aSurveyAnsweredOnlineFillsTheVisitForTheVisitorToConfirm() {
        ProcessInstance pi = start("follow_up");
        engine.getRuntimeService().createMessageCorrelation("SurveyAnswered").processInstanceBusinessKey(CASE)
                .setVariables(vars("satisfaction", "4", "agreementHonoured", true, "disputeRecurred", false,
                        "needsCounselling", false, "needsJobReferral", true, "needsHardshipAid", false,
                        "visitNote", "当事人网上答复：希望推荐工作"))
                .correlate();

        assertThat(pi).hasPassed("EndEvent_SurveyRecorded").isWaitingAt("Task_ReturnVisit");
        assertThat(variable(pi, "needsJobReferral")).isEqualTo(true);
        complete("Task_ReturnVisit", "satisfaction", "4", "agreementHonoured", true, "needsCounselling", false,
                "needsJobReferral", true, "needsHardshipAid", false, "visitNote", "核实：需要就业推荐");
        assertThat(pi).isWaitingAt("Task_JobReferral");
    }

    @Test
    void aDisputeThatCameBackOpensALinkedCaseBesideTheServices() {
        ProcessInstance pi = start("follow_up");
        complete("Task_ReturnVisit", "satisfaction", "2", "agreementHonoured", false, "disputeRecurred", true,
                "needsCounselling", true, "needsJobReferral", false, "needsHardshipAid", false,
                "visitNote", "单位再次拖欠工资");

        assertThat(pi).hasPassed("Task_ReopenCase").isWaitingAt("Task_Counselling");
        assertThat(reopening.reopened).containsExactly(CASE);
        complete("Task_Counselling", "counsellingRecord", "已疏导");
        assertThat(pi).isEnded();
        assertThat(variable(pi, "reopenedCaseNumber")).isEqualTo("渝中劳调〔2026〕00099号");
    }

    @Test
    void everyWorkerOfACollectiveCaseIsVisitedAndGetsTheirOwnServices() {
        visits.workers = List.of("职工1", "职工2", "职工3");
        ProcessInstance pi = start("follow_up");
        List<org.camunda.bpm.engine.task.Task> visitsOpen = engine.getTaskService().createTaskQuery()
                .taskDefinitionKey("Task_ReturnVisit").list();
        assertThat(visitsOpen).hasSize(3);
        for (org.camunda.bpm.engine.task.Task visit : visitsOpen) {
            boolean second = "职工2".equals(engine.getTaskService().getVariable(visit.getId(), "visitedWorker"));
            engine.getTaskService().complete(visit.getId(), vars("satisfaction", "4", "agreementHonoured", true,
                    "needsCounselling", false, "needsJobReferral", second, "needsHardshipAid", false,
                    "visitNote", second ? "希望推荐工作" : "满意"));
        }

        assertThat(pi).isWaitingAt("Task_JobReferral");
        org.camunda.bpm.engine.task.Task referral = openTask("Task_JobReferral");
        assertThat(engine.getTaskService().getVariable(referral.getId(), "visitedWorker")).isEqualTo("职工2");
        complete("Task_JobReferral", "recommendedEmployer", "某物流公司", "position", "仓管员", "referralNote", "已推荐");
        assertThat(pi).isEnded().hasPassed("EndEvent_FollowUpDone");
    }
}
