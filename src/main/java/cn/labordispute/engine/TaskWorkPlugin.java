package cn.labordispute.engine;

import cn.labordispute.security.Roles;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Who may take and finish a step, on every model, checked where the engine checks its own permissions (a command
 * checker, so a refusal is the engine's {@code 403}, in the engine REST API and the Tasklist alike): a member of staff
 * claims a task only if one of their groups is a candidate for it, gives back only a task she holds, and completes it
 * only if it is theirs (or unclaimed and offered to them); a supervisor of the organisation (or the city) may do all
 * of it with any of its tasks and hand tasks to others.
 * Permissions on the engine are by role and process (no row per task); this rule keeps a mediator from taking, say, a
 * supervisor's step of the same case. It applies to what a person does (an authenticated engine call); the
 * application's own steps run unauthenticated and are checked where they are made. The engine's tenant check, which
 * refuses another organisation's task with a generic error, answers {@code 403} as well.
 */
@Component
public class TaskWorkPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>();
        for (CommandChecker checker : configuration.getCommandCheckers()) {
            checkers.add(checker instanceof TenantCommandChecker ? refusingAs403(checker) : checker);
        }
        checkers.add(workRule());
        configuration.setCommandCheckers(checkers);
    }

    private static CommandChecker workRule() {
        return checker((method, args) -> {
            if (method.equals("checkTaskWork") && args[0] instanceof TaskEntity task) {
                checkWork(task);
            } else if (method.equals("checkTaskAssign") && args[0] instanceof TaskEntity task) {
                checkAssign(task);
            }
        });
    }

    /**
     * Setting a task's assignee: a member of staff may give back a step she holds (unclaim) or take an unclaimed one
     * her role is offered; handing a step to someone else, or changing its candidates or owner, is a supervisor's.
     */
    private static void checkAssign(TaskEntity task) {
        Authentication person = person();
        if (person == null || supervises(person, task)) {
            return;
        }
        Object command = command();
        if (command instanceof AssignTaskCmd assign) {
            String to = newAssignee(assign);
            String holder = task.getAssignee();
            if (to == null && person.getUserId().equals(holder)) {
                return;
            }
            if (person.getUserId().equals(to) && holder == null && candidate(person, task)) {
                return;
            }
            if (to == null && holder != null) {
                throw refused(task, "这一步已由 " + holder + " 认领，只有认领人或主管可以放弃");
            }
        }
        throw refused(task, "只有本组织的主管可以把任务交给他人或更改候选人");
    }

    private static String newAssignee(AssignTaskCmd assign) {
        try {
            Field userId = AbstractAddIdentityLinkCmd.class.getDeclaredField("userId");
            userId.setAccessible(true);
            return (String) userId.get(assign);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the assignee being set", e);
        }
    }

    /** The tenant check's refusal of another organisation's record as an authorisation failure. */
    private static CommandChecker refusingAs403(CommandChecker tenants) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(tenants, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ProcessEngineException
                                && !(e.getCause() instanceof AuthorizationException)) {
                            throw new AuthorizationException("该任务或案件不属于您的组织");
                        }
                        throw e.getCause();
                    }
                });
    }

    private static void checkWork(TaskEntity task) {
        Authentication person = person();
        if (person == null || supervises(person, task)) {
            return;
        }
        boolean claiming = command() instanceof ClaimTaskCmd;
        String assignee = task.getAssignee();
        if (claiming) {
            if (assignee == null && !candidate(person, task)) {
                throw refused(task, "这一步不由您的岗位办理，不能认领");
            }
            // a step someone else holds: the engine refuses the claim itself (TaskAlreadyClaimedException), which
            // TaskConflicts answers as a conflict naming the holder
            return;
        }
        boolean mine = person.getUserId().equals(assignee);
        if (!mine && (assignee != null || !candidate(person, task))) {
            throw refused(task, assignee == null ? "这一步不由您的岗位办理" : "这一步已由他人认领，只有认领人可以办结");
        }
    }

    private static Object command() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation == null ? null : invocation.getCommand();
    }

    private static Authentication person() {
        var context = Context.getCommandContext();
        Authentication a = context == null ? null : context.getAuthentication();
        return a == null || a.getUserId() == null ? null : a;
    }

    private static boolean supervises(Authentication person, TaskEntity task) {
        List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
        return groups.contains(Roles.CITY_SUPERVISORS) || groups.contains(Roles.ADMINS)
                || (task.getTenantId() != null && groups.contains(Roles.SUPERVISOR.groupFor(task.getTenantId())));
    }

    private static boolean candidate(Authentication person, TaskEntity task) {
        List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (groups.contains(link.getGroupId()) || person.getUserId().equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    private static AuthorizationException refused(TaskEntity task, String why) {
        return new AuthorizationException(why + "（" + task.getName() + "）");
    }

    interface Check {
        void check(String method, Object[] args);
    }

    /** A command checker that looks at some of the engine's checks and lets every other pass. */
    private static CommandChecker checker(Check check) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "TaskWorkRule";
                    }
                    check.check(method.getName(), args);
                    return null;
                });
    }
}
