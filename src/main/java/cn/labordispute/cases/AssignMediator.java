package cn.labordispute.cases;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * 指派调解员: the organisation's lead names the case's mediator when accepting it, when forming a joint mediation
 * group, or after a mediator's withdrawal (回避). The service task names the form field to read in its input
 * parameter {@code mediatorField}. When the acceptance names nobody, the mediator who accepted the case is its
 * handler (承办调解员) and its later steps come to her until a supervisor reassigns; a blank field elsewhere leaves the
 * case to the mediators' group. The named user must be a mediator of the case's organisation, or the step fails and
 * nothing changes (HTTP 400 in the Tasklist).
 */
@Component("assignMediator")
public class AssignMediator implements JavaDelegate {

    static final String ASSIGNEE = "mediationAssignee";
    /** The acceptance form's field naming the case's mediator. */
    static final String ACCEPTANCE_FIELD = "assignedMediator";

    private final IdentityService identity;

    public AssignMediator(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String field = (String) execution.getVariableLocal("mediatorField");
        Object value = execution.getVariable(field);
        String userId = value == null ? "" : value.toString().trim();
        if (userId.isEmpty() && ACCEPTANCE_FIELD.equals(field)) {
            // nobody named: the mediator who accepted the case handles it (承办调解员) and keeps its later steps
            String accepting = Context.getCommandContext().getAuthenticatedUserId();
            String organisation = (String) execution.getVariable("organisation");
            if (accepting != null && isMediator(accepting, organisation)) {
                execution.setVariable(ASSIGNEE, accepting);
            }
            return;
        }
        if (userId.isEmpty()) {
            if ("replacementMediator".equals(field)) {
                execution.setVariable(ASSIGNEE, null);
            }
            return;
        }
        if ("replacementMediator".equals(field) && userId.equals(execution.getVariable(ASSIGNEE))) {
            throw TaskInput.invalid(field, "task.mediator.sameAsWithdrawn");
        }
        String organisation = (String) execution.getVariable("organisation");
        if (!isMediator(userId, organisation)) {
            throw TaskInput.invalid(field, "task.mediator.notOfOrganisation", userId);
        }
        execution.setVariable(ASSIGNEE, userId);
    }

    private boolean isMediator(String userId, String organisation) {
        return Context.getCommandContext().runWithoutAuthorization(
                () -> identity.createUserQuery().userId(userId).memberOfGroup("mediator-" + organisation).count()) > 0;
    }
}
