package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.calendar.WorkingDayCalendar;
import java.util.Date;
import java.util.List;
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

    /** The timers that end the party's waits; the reminder is message {@code notice.reminder.<timer>}. */
    private static final List<String> WAITS = List.of("Timer_ClaimsConfirmationDue", "Timer_SignatureDue");

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
        for (String wait : WAITS) {
            for (JobDefinition definition : management.createJobDefinitionQuery().activityIdIn(wait).list()) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition.getId()).timers()
                        .duedateLowerThan(horizon).list()) {
                    ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                            .singleResult();
                    String kind = "REMINDER_" + wait + "_" + job.getId();
                    if (p == null || p.getBusinessKey() == null || alreadyQueued(p.getBusinessKey(), kind)) {
                        continue;
                    }
                    notifications.notify(p.getBusinessKey(), kind, "notice.reminder." + wait);
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
