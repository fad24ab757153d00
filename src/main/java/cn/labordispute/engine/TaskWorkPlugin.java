package cn.labordispute.engine;

import cn.labordispute.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who may take and finish a step, on every model: a member of staff claims a task only if one of their groups is a
 * candidate for it, and completes it only if it is theirs (or unclaimed and offered to them); a supervisor of the
 * organisation (or the city) may assign any of its tasks to anyone and finish any. Permissions on the engine are by
 * role and process (no row per task); this rule keeps a mediator from taking, say, a supervisor's step of the same
 * case through the engine REST API. It applies to what a person does (an authenticated engine call); the application's
 * own steps run unauthenticated and are checked where they are made.
 */
@Component
public class TaskWorkPlugin extends AbstractProcessEnginePlugin {

    static final TaskListener ASSIGNMENT = TaskWorkPlugin::checkAssignment;
    static final TaskListener COMPLETE = TaskWorkPlugin::checkCompletion;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.configure(configuration, definition -> {
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, ASSIGNMENT);
            definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, COMPLETE);
        });
    }

    private static void checkAssignment(DelegateTask task) {
        Authentication person = person();
        String assignee = task.getAssignee();
        if (person == null || assignee == null || supervises(person, task)) {
            return;
        }
        if (!assignee.equals(person.getUserId())) {
            throw refused(person, task, "只有本组织的主管可以把任务交给他人");
        }
        if (!candidate(person, task)) {
            throw refused(person, task, "这一步不由您的岗位办理，不能认领");
        }
    }

    private static void checkCompletion(DelegateTask task) {
        Authentication person = person();
        if (person == null || supervises(person, task)) {
            return;
        }
        String assignee = task.getAssignee();
        boolean mine = person.getUserId().equals(assignee);
        if (!mine && (assignee != null || !candidate(person, task))) {
            throw refused(person, task, assignee == null ? "这一步不由您的岗位办理" : "这一步已由他人认领，只有认领人可以办结");
        }
    }

    private static Authentication person() {
        var context = Context.getCommandContext();
        Authentication a = context == null ? null : context.getAuthentication();
        return a == null || a.getUserId() == null ? null : a;
    }

    private static boolean supervises(Authentication person, DelegateTask task) {
        List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
        return groups.contains(Roles.CITY_SUPERVISORS) || groups.contains(Roles.ADMINS)
                || (task.getTenantId() != null && groups.contains(Roles.SUPERVISOR.groupFor(task.getTenantId())));
    }

    private static boolean candidate(Authentication person, DelegateTask task) {
        List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (groups.contains(link.getGroupId()) || person.getUserId().equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    private static AuthorizationException refused(Authentication person, DelegateTask task, String why) {
        return new AuthorizationException(why + "（" + task.getName() + "）");
    }
}
