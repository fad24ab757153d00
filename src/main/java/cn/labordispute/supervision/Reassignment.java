package cn.labordispute.supervision;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import cn.labordispute.security.StaffDirectory;
import cn.labordispute.security.StaffNames;
import cn.labordispute.engine.TaskConflicts;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor acts on overdue work: gives one or many tasks to another member of staff, or adds a note. Every task
 * must belong to a case of an organisation the supervisor supervises, and the new assignee must be one of the task's
 * candidates; otherwise nothing changes.
 */
@Service
public class Reassignment {

    private final TaskService tasks;
    private final IdentityService identity;
    private final CaseRepository cases;
    private final JdbcClient jdbc;
    private final TaskConflicts conflicts;
    private final StaffNames staffNames;
    private final StaffDirectory staffDirectory;
    private final ApplicationEventPublisher events;

    Reassignment(TaskService tasks, IdentityService identity, CaseRepository cases, JdbcClient jdbc,
            TaskConflicts conflicts, StaffNames staffNames, StaffDirectory staffDirectory,
            ApplicationEventPublisher events) {
        this.events = events;
        this.staffDirectory = staffDirectory;
        this.conflicts = conflicts;
        this.staffNames = staffNames;
        this.tasks = tasks;
        this.identity = identity;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** Checks everything first, then changes; returns the problems (empty when done). */
    @Transactional
    public List<FieldError> reassign(Caller supervisor, List<String> taskIds, String assignee, String note) {
        List<FieldError> errors = new ArrayList<>();
        Map<Task, String> found = check(supervisor, taskIds, errors);
        boolean reassigning = assignee != null && !assignee.isBlank();
        if (!reassigning && (note == null || note.isBlank())) {
            errors.add(FieldError.of("assignee", "reassign.nothing"));
        }
        if (note != null && note.length() > 1000) {
            errors.add(FieldError.of("note", "reassign.note"));
        }
        if (reassigning) {
            Set<String> groups = identity.createGroupQuery().groupMember(assignee).list().stream()
                    .map(g -> g.getId()).collect(java.util.stream.Collectors.toSet());
            for (Task t : found.keySet()) {
                boolean candidate = tasks.getIdentityLinksForTask(t.getId()).stream()
                        .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                                && (assignee.equals(l.getUserId()) || groups.contains(l.getGroupId())));
                if (!candidate) {
                    errors.add(FieldError.of("assignee", "reassign.notCandidate", staffNames.of(assignee), t.getName()));
                }
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        for (Map.Entry<Task, String> e : found.entrySet()) {
            Task t = e.getKey();
            String caseNumber = e.getValue();
            String text = reassigning
                    ? "主管" + staffNames.of(supervisor.userId()) + "改派给" + staffNames.of(assignee)
                            + (note == null || note.isBlank() ? "" : "：" + note)
                    : "主管" + staffNames.of(supervisor.userId()) + "督办意见：" + note;
            if (reassigning) {
                tasks.setAssignee(t.getId(), assignee);
            }
            tasks.createComment(t.getId(), t.getProcessInstanceId(), text);
            cases.addEventAtCurrentStage(caseNumber, reassigning ? "REASSIGNED" : "SUPERVISOR_NOTE",
                    t.getName() + "：" + text, EngineTime.now());
            events.publishEvent(new AuditApplicationEvent(supervisor.userId(), reassigning ? "REASSIGNED" : "SUPERVISOR_NOTE",
                    Map.of("caseNumber", caseNumber, "task", t.getName(), "taskId", t.getId(),
                            "assignee", reassigning ? assignee : "", "note", note == null ? "" : note)));
        }
        return errors;
    }

    /** The staff a supervisor may give work to: members of the role groups of the supervised organisations. */
    public Map<String, String> staff(Caller supervisor) {
        return staffDirectory.staffOf(SupervisionService.supervised(supervisor));
    }

    /** The field of a refusal that is about who the caller is, not what they sent: the page answers it 403. */
    static final String NOT_YOURS = "organisation";

    /** Whether the refusals include one the caller may not do at all (HTTP 403), rather than bad input (400). */
    static boolean forbidden(List<FieldError> errors) {
        return errors.stream().anyMatch(e -> NOT_YOURS.equals(e.field()));
    }

    /** The tasks that may be acted on, each with its case number; problems for the others. */
    private Map<Task, String> check(Caller supervisor, List<String> taskIds, List<FieldError> errors) {
        Set<String> orgs = SupervisionService.supervised(supervisor);
        Map<Task, String> found = new LinkedHashMap<>();
        if (orgs != null && orgs.isEmpty()) {
            errors.add(FieldError.of(NOT_YOURS, "reassign.supervisorsOnly"));
            return found;
        }
        if (taskIds == null || taskIds.isEmpty()) {
            errors.add(FieldError.of("taskId", "reassign.noTask"));
            return found;
        }
        for (String id : taskIds) {
            Task t = tasks.createTaskQuery().taskId(id).singleResult();
            if (t == null) {
                conflicts.check(id, false, supervisor); // done meanwhile: 409, who and when
            }
            TaskCase c = t == null ? null : caseOf(id);
            if (t == null || c == null) {
                errors.add(FieldError.of("taskId", "reassign.unknownTask", id));
            } else if (orgs != null && !orgs.contains(c.orgCode())) {
                errors.add(FieldError.of(NOT_YOURS, "reassign.notYours"));
            } else {
                found.put(t, c.caseNumber());
            }
        }
        return found;
    }

    /** The case a watched task belongs to. */
    private record TaskCase(String caseNumber, String orgCode) {
    }

    private TaskCase caseOf(String taskId) {
        return jdbc.sql("SELECT c.case_number, c.org_code FROM dc_case_deadline d JOIN dc_case c ON c.id = d.case_id "
                        + "WHERE d.task_id = ?")
                .param(taskId).query(TaskCase.class).optional().orElse(null);
    }
}
