package cn.labordispute.deadlines;

import cn.labordispute.security.StaffNames;
import org.springframework.beans.factory.ObjectProvider;
import cn.labordispute.calendar.EngineTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Watches the due date of every user task of a case: opens a deadline record when the task is created, follows a
 * changed due date, and closes it when the task is completed or deleted. Registered on every user task by
 * {@code engine.DeadlineWatchPlugin}; the period is read from the task's due-date expression.
 */
public class WatchTaskDeadline implements TaskListener {

    private static final Pattern PERIOD = Pattern.compile("deadlines\\.due\\('([A-Z0-9_]+)'");
    /** A period chosen by the model at run time: {@code deadlines.due(mediationLimitPeriod, …)}. */
    private static final Pattern PERIOD_VARIABLE = Pattern.compile("deadlines\\.due\\(([a-zA-Z]\\w*)\\s*,");
    static final String REVIEW_NOTE = "办理期限需人工核对：期限落在已发布节假日安排之后，按仅周末休息计算";

    private final DeadlineRecords records;
    private final Deadlines deadlines;
    /** Asked for when used: the staff directory needs the engine, which needs this listener first. */
    private final ObjectProvider<StaffNames> names;

    public WatchTaskDeadline(DeadlineRecords records, Deadlines deadlines, ObjectProvider<StaffNames> names) {
        this.records = records;
        this.deadlines = deadlines;
        this.names = names;
    }

    /**
     * The period a due-date expression names, literally or through a variable the model set; null for an agreed
     * date (e.g. a payment date).
     */
    static String periodOf(String dueDateExpression, DelegateTask task) {
        if (dueDateExpression == null) {
            return null;
        }
        Matcher literal = PERIOD.matcher(dueDateExpression);
        if (literal.find()) {
            return literal.group(1);
        }
        Matcher variable = PERIOD_VARIABLE.matcher(dueDateExpression);
        return variable.find() && task.getVariable(variable.group(1)) instanceof String name ? name : null;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> open(task);
            case EVENTNAME_UPDATE -> reschedule(task);
            case EVENTNAME_COMPLETE -> {
                boolean late = records.breached(task.getId());
                records.complete(task.getId(), EngineTime.now());
                if (late) {
                    closeEscalation(task, "deadline.escalation.closedDone");
                }
            }
            case EVENTNAME_DELETE -> {
                boolean late = records.breached(task.getId());
                records.cancel(task.getId(), EngineTime.now());
                if (late) {
                    closeEscalation(task, "deadline.escalation.closedCancelled");
                }
            }
            default -> {
            }
        }
    }

    /**
     * The late task is done (or went away): its 超期督办 closes itself (the escalation's message boundary event), and
     * the timeline says who finished it and when.
     */
    private void closeEscalation(DelegateTask task, String key) {
        if (DeadlineMonitor.ESCALATION_PROCESS.equals(task.getProcessDefinitionId().split(":")[0])) {
            return;
        }
        var engine = task.getProcessEngineServices();
        var auth = engine.getIdentityService().getCurrentAuthentication();
        String who = auth != null ? auth.getUserId() : task.getAssignee();
        String name = names.getObject().of(who == null ? "system" : who);
        String note = cn.labordispute.text.Texts.zh(key, task.getName(), cn.labordispute.calendar.Times.INSTANCE
                .minute(EngineTime.now()), name);
        engine.getRuntimeService().createMessageCorrelation(LATE_TASK_CLOSED)
                .processInstanceVariableEquals("overdueTaskId", task.getId())
                .setVariable("escalationNote", note).correlateAllWithResult();
    }

    /** The message the 超期督办 waits for while its late task is open. */
    static final String LATE_TASK_CLOSED = "LateTaskClosed";

    private void open(DelegateTask task) {
        Date due = task.getDueDate();
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if (due == null || caseNumber == null) {
            return;
        }
        boolean covered = deadlines.covered(due);
        String processKey = task.getProcessDefinitionId().split(":")[0];
        String period = periodOf(dueDateExpression(task), task);
        boolean opened = records.open(caseNumber, task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey,
                period, due.toInstant(), deadlines.warningFor(due).toInstant(), !covered, EngineTime.now());
        if (opened && !covered) {
            task.setVariableLocal("deadlineNeedsReview", true);
            task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
                    REVIEW_NOTE);
        }
    }

    private void reschedule(DelegateTask task) {
        Date due = task.getDueDate();
        if (due != null) {
            records.reschedule(task.getId(), due.toInstant(), deadlines.warningFor(due).toInstant(),
                    !deadlines.covered(due));
        }
    }

    /** The period of the task's due date (see {@link #periodOf(String, DelegateTask)}), or null. */
    public static String periodOf(DelegateTask task) {
        return periodOf(dueDateExpression(task), task);
    }

    private static String dueDateExpression(DelegateTask task) {
        if (task instanceof org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity
                && entity.getTaskDefinition() != null && entity.getTaskDefinition().getDueDateExpression() != null) {
            return entity.getTaskDefinition().getDueDateExpression().getExpressionText();
        }
        return null;
    }
}
