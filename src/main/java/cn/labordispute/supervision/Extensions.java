package cn.labordispute.supervision;

import cn.labordispute.engine.TaskConflicts;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 仲裁延期 from the board: the award-extension requests waiting for the commission director's approval (LDMAL
 * art.43, ACR art.45), decided on the page through the process's own approval step, so the process records the
 * extension, moves the award deadline and refuses anything over the 15-day cap. Only where the law allows an
 * extension is one offered.
 */
@Service
public class Extensions {

    static final String APPROVAL_TASK = "Task_ApproveAwardExtension";

    /** A pending request: the case, the arbitrator's reason, the days already granted and what may still be granted. */
    public record Request(String taskId, String caseNumber, String organisation, String reason, int grantedDays,
            int remainingDays, LocalDate awardDue) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final StatutoryPeriods periods;
    private final TaskConflicts conflicts;

    Extensions(TaskService tasks, RuntimeService runtime, CaseRepository cases, Deadlines deadlines, StatutoryPeriods periods,
            TaskConflicts conflicts) {
        this.conflicts = conflicts;
        this.tasks = tasks;
        this.runtime = runtime;
        this.cases = cases;
        this.deadlines = deadlines;
        this.periods = periods;
    }

    /** The requests of the organisations the caller supervises, oldest first; none for someone who supervises none. */
    public List<Request> pending(Caller caller) {
        Set<String> orgs = SupervisionService.supervised(caller);
        List<Request> found = new ArrayList<>();
        if (orgs != null && orgs.isEmpty()) {
            return found;
        }
        for (Task t : tasks.createTaskQuery().taskDefinitionKey(APPROVAL_TASK).orderByTaskCreateTime().asc().list()) {
            Request r = request(t);
            if (orgs == null || orgs.contains(r.organisation())) {
                found.add(r);
            }
        }
        return found;
    }

    private Request request(Task t) {
        Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of("caseNumber", "organisation",
                "extensionReason", "awardExtensionDays", "arbitrationAcceptedOn", "awardPeriodFrom", "awardExtendedUntil"));
        int granted = v.get("awardExtensionDays") instanceof Number n ? n.intValue() : 0;
        int cap = periods.get("ARBITRATION_AWARD_EXTENSION").length();
        Object from = v.get("awardPeriodFrom") != null ? v.get("awardPeriodFrom") : v.get("arbitrationAcceptedOn");
        LocalDate due = Deadlines.toLocalDate(deadlines.due("ARBITRATION_AWARD", from, v.get("awardExtendedUntil")));
        return new Request(t.getId(), (String) v.get("caseNumber"), (String) v.get("organisation"),
                (String) v.get("extensionReason"), granted, Math.max(0, cap - granted), due);
    }

    /**
     * Approves (with the days) or refuses a request by completing the process's approval step. Everything is checked
     * first; on a problem nothing changes and the problems are returned.
     */
    @Transactional
    public List<FieldError> decide(Caller caller, String taskId, Boolean approved, Integer days, String note) {
        List<FieldError> errors = new ArrayList<>();
        if (taskId != null) {
            conflicts.check(taskId, false, caller); // decided meanwhile by another supervisor: 409, who and when
        }
        Task t = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(APPROVAL_TASK).singleResult();
        Set<String> orgs = SupervisionService.supervised(caller);
        Request r = t == null ? null : request(t);
        if (r == null || (orgs != null && !orgs.contains(r.organisation()))) {
            errors.add(FieldError.of("taskId", "extension.unknown"));
            return errors;
        }
        if (approved == null) {
            errors.add(FieldError.of("approved", "extension.approved"));
        }
        if (Boolean.TRUE.equals(approved) && (days == null || days < 1 || days > r.remainingDays())) {
            errors.add(FieldError.of("days", "extension.days", r.remainingDays(),
                    r.grantedDays() + r.remainingDays(), r.grantedDays()));
        }
        if (note != null && note.length() > 1000) {
            errors.add(FieldError.of("note", "extension.note"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean yes = approved;
        tasks.setAssignee(taskId, caller.userId());
        tasks.complete(taskId, Map.of("extensionApproved", yes, "approvedExtensionDays", yes ? days : 0,
                "approvalNote", note == null ? "" : note.trim()));
        cases.addEventAtCurrentStage(r.caseNumber(), yes ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED",
                (yes ? "主管 " + caller.userId() + " 批准延长审理期限 " + days + " 日" : "主管 " + caller.userId() + " 不批准延长审理期限")
                        + (note == null || note.isBlank() ? "" : "：" + note.trim()), EngineTime.now());
        return errors;
    }
}
