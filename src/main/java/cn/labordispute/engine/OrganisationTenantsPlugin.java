package cn.labordispute.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Organisations are the engine's tenants. A case's process instances — and with them their tasks, jobs, variables
 * and history — belong to the organisation that handles the case: the main instance takes the tenant of its
 * {@code organisation} start variable, a stage's instance that of the instance that called it. Staff are members of
 * their organisations' tenants (see {@code IdentitySetup}), so the engine filters every query by organisation, in the
 * Tasklist, Cockpit and the engine REST API alike, while permissions stay by role and resource type. The default
 * provider's authorisation row per candidate group per task is therefore not written: at city scale those rows made
 * every task query slow.
 */
@Component
public class OrganisationTenantsPlugin extends AbstractProcessEnginePlugin {

    public static final String ORGANISATION = "organisation";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new OrganisationTenants());
        configuration.setResourceAuthorizationProvider(new NoTaskAuthorizations());
    }

    static final class OrganisationTenants implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
            DelegateExecution caller = context.getSuperExecution();
            if (caller != null) {
                return caller.getTenantId();
            }
            Object organisation = context.getVariables() == null ? null : context.getVariables().get(ORGANISATION);
            return organisation instanceof String s && !s.isBlank() ? s : null;
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
            return context.getExecution() == null ? null : context.getExecution().getTenantId();
        }
    }

    /** Camunda's default authorisations for everything but tasks: task access is by role, within the tenant. */
    static final class NoTaskAuthorizations extends DefaultAuthorizationProvider {
        private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

        @Override
        public AuthorizationEntity[] newTask(Task task) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }
    }
}
