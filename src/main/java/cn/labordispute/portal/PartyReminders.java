package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.calendar.WorkingDayCalendar;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Deadline approaching": a day before the applicant's own period ends (confirming the claims, signing the agreement),
 * the applicant is reminded once. The timers that end those periods say when; a reminder already queued for the same
 * wait is not queued again.
 */
@Component
class PartyReminders {

    /** The timer that ends each of the party's waits, and what the reminder says. */
    private static final Map<String, String[]> WAITS = Map.of(
            "Timer_ClaimsConfirmationDue", new String[] {"明天是确认请求事项的最后一天，请登录“我的申请”确认或要求更正。",
                    "Tomorrow is the last day to confirm your claims in 'My case'."},
            "Timer_SignatureDue", new String[] {"明天是在线签署调解协议书的最后一天，请登录“我的申请”签署。",
                    "Tomorrow is the last day to sign the mediation agreement in 'My case'."});

    private final ManagementService management;
    private final RuntimeService runtime;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    PartyReminders(ManagementService management, RuntimeService runtime, Notifications notifications, JdbcClient jdbc) {
        this.management = management;
        this.runtime = runtime;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${dispute.portal.reminder-delay-millis:900000}")
    @Transactional
    public int remind() {
        // the day before the last day: the wait ends before the start of the day after tomorrow
        Date horizon = Date.from(EngineTime.today().plusDays(2).atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
        int queued = 0;
        for (Map.Entry<String, String[]> wait : WAITS.entrySet()) {
            for (JobDefinition definition : management.createJobDefinitionQuery().activityIdIn(wait.getKey()).list()) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition.getId()).timers()
                        .duedateLowerThan(horizon).list()) {
                    ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                            .singleResult();
                    String kind = "REMINDER_" + wait.getKey() + "_" + job.getId();
                    if (p == null || p.getBusinessKey() == null || alreadyQueued(p.getBusinessKey(), kind)) {
                        continue;
                    }
                    notifications.notify(p.getBusinessKey(), kind, wait.getValue()[0], wait.getValue()[1]);
                    queued++;
                }
            }
        }
        return queued;
    }

    private boolean alreadyQueued(String caseNumber, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM pt_notification n JOIN dc_case c ON c.id = n.case_id "
                        + "WHERE c.case_number = ? AND n.kind = ?").params(caseNumber, kind).query(Long.class).single() > 0;
    }
}
