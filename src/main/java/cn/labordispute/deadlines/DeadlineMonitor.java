package cn.labordispute.deadlines;

import cn.labordispute.calendar.Times;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.calendar.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Warns before and escalates after every watched deadline. The model deadline-monitor.bpmn calls
 * {@code ${deadlineMonitor.sweep()}} on a timer, so on a cluster exactly one node runs each sweep; each row moves
 * state with a conditional update, so a sweep that runs twice changes nothing twice.
 */
@Component("deadlineMonitor")
public class DeadlineMonitor {

    public static final String ESCALATION_PROCESS = "deadline_escalation";
    /** The step of {@link #ESCALATION_PROCESS} that waits for a supervisor (超期督办); no other model uses this id. */
    public static final String ESCALATION_TASK = "Task_HandleOverdue";
    private static final int BATCH = 200;

    private final DeadlineRecords records;
    private final StatutoryPeriods periods;
    private final CaseRepository cases;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DeadlineMonitor(DeadlineRecords records, StatutoryPeriods periods, CaseRepository cases, TaskService tasks,
            RuntimeService runtime) {
        this.records = records;
        this.periods = periods;
        this.cases = cases;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Warns the deadlines that reached their warning time and escalates those past due; returns how many moved. */
    public int sweep() {
        Instant now = EngineTime.now();
        int moved = 0;
        for (WatchedDeadline d : records.toWarn(now, BATCH)) {
            if (records.markWarned(d.id(), now)) {
                String text = "期限将至：" + d.taskName() + "（" + describe(d) + "）应于 " + Times.INSTANCE.date(day(d.dueAt())) + " 前办结";
                tasks.createComment(d.taskId(), null, text);
                cases.addEventAtCurrentStage(d.caseNumber(), "SOON_DUE", text, now);
                moved++;
            }
        }
        for (WatchedDeadline d : records.toBreach(now, BATCH)) {
            if (records.markBreached(d.id(), now)) {
                String text = "已超期：" + d.taskName() + "（" + describe(d) + "）期限为 " + Times.INSTANCE.date(day(d.dueAt()));
                tasks.createComment(d.taskId(), null, text);
                cases.addEventAtCurrentStage(d.caseNumber(), "OVERDUE", text, now);
                if (!ESCALATION_PROCESS.equals(d.processKey())) {
                    // a late 超期督办 shows as overdue on the board, but does not escalate itself again
                    runtime.startProcessInstanceByKey(ESCALATION_PROCESS, d.caseNumber(), escalation(d, now));
                }
                moved++;
            }
        }
        return moved;
    }

    private Map<String, Object> escalation(WatchedDeadline d, Instant now) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseNumber", d.caseNumber());
        v.put("organisation", d.organisation());
        v.put("overdueTaskId", d.taskId());
        v.put("overdueTaskName", d.taskName());
        v.put("overduePeriod", describe(d));
        v.put("overdueSource", d.period() != null && periods.contains(d.period()) ? periods.get(d.period()).source()
                : "当事人约定的期限");
        v.put("overdueDueDate", day(d.dueAt()).toString());
        v.put("overdueSince", now.toString());
        return v;
    }

    private String describe(WatchedDeadline d) {
        if (d.period() == null || !periods.contains(d.period())) {
            return "约定期限";
        }
        StatutoryPeriod p = periods.get(d.period());
        return p.title() + "，" + p.describe();
    }

    private static LocalDate day(Instant instant) {
        return Deadlines.toLocalDate(java.util.Date.from(instant));
    }
}
