package cn.labordispute.security;

import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, idempotently: one Camunda group per role and organisation, the authorisations each group needs, and
 * the Tasklist filters every member of staff sees (a fresh Tasklist shows no tasks until a filter exists).
 */
@Component
public class IdentitySetup {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Organisations organisations;
    private final RepositoryService repository;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, Organisations organisations, RepositoryService repository) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.organisations = organisations;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void setUp() {
        List<Organisation> all = organisations.all();
        for (Organisation org : all) {
            ensureTenant(org);
            for (Roles role : Roles.values()) {
                String group = role.groupFor(org.code());
                ensureGroup(group, role.label() + "（" + org.name() + "）");
                ensureTenantMember(org.code(), group);
                grantStaff(group);
                if (role == Roles.SUPERVISOR) {
                    grantSupervisor(group);
                }
            }
        }
        ensureGroup(Roles.CITY_SUPERVISORS, "市级主管（全部组织）");
        ensureGroup(Roles.POLICY_EDITORS, "政策人员");
        ensureGroup(Roles.OPERATORS, "运维人员");
        for (Organisation org : all) {
            // the city sees every organisation; policy staff move every organisation's cases to a new version
            ensureTenantMember(org.code(), Roles.CITY_SUPERVISORS);
            ensureTenantMember(org.code(), Roles.POLICY_EDITORS);
            ensureTenantMember(org.code(), Roles.ADMINS);
        }
        grantStaff(Roles.CITY_SUPERVISORS);
        grantSupervisor(Roles.CITY_SUPERVISORS);
        grant(Roles.CITY_SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.CITY_SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(Roles.CITY_SUPERVISORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        grant(Roles.POLICY_EDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.POLICY_EDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(Roles.POLICY_EDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant(Roles.POLICY_EDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        // deploy new versions and move running cases to them (the policy page, /api/policy, Cockpit's migration view)
        grant(Roles.POLICY_EDITORS, Resources.DEPLOYMENT, "*", Permissions.CREATE);
        grant(Roles.POLICY_EDITORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(Roles.POLICY_EDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        grant(Roles.POLICY_EDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        // migration is their tool for running cases: they may not write a running case's variables
        revoke(Roles.POLICY_EDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.UPDATE);
        grant(Roles.POLICY_EDITORS, Resources.BATCH, "*", Permissions.CREATE);
        grant(Roles.POLICY_EDITORS, Resources.BATCH, "*", Permissions.READ);
        grantTaskAccess();
        ensureFilters();
    }

    /** What every member of staff needs in the Tasklist; their tasks are granted by process (see grantTaskAccess). */
    private void grantStaff(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }

    /** Supervisors see every task of their organisations and hand tasks to others (assign). */
    private void grantSupervisor(String group) {
        grant(group, Resources.TASK, "*", Permissions.READ);
        grant(group, Resources.TASK, "*", TaskPermissions.TASK_ASSIGN);
        grant(group, Resources.TASK, "*", Permissions.UPDATE);
    }

    /**
     * Task access by role and process, never by task: a role whose group is a candidate for some step of a process
     * may see and work on (claim, give back, complete) that process's tasks — READ_TASK, TASK_WORK and TASK_ASSIGN (what
     * an assignment may be is {@code TaskWorkPlugin}'s rule) on the process definition's
     * key, read from the deployed models. Which organisation's tasks is the engine's tenant check. A handful of rows
     * for the whole system instead of one per candidate group per task. Runs at start-up and after every deployment
     * through the policy page.
     */
    public void grantTaskAccess() {
        List<Organisation> all = organisations.all();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            Set<String> groups = new TreeSet<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaAssignee() != null && !task.getCamundaAssignee().isBlank()) {
                    // a step given to a named person (the case's mediator, a risk's owner): any staff role may hold it
                    for (Roles role : Roles.values()) {
                        all.forEach(org -> groups.add(role.groupFor(org.code())));
                    }
                }
                String candidates = task.getCamundaCandidateGroups();
                if (candidates == null) {
                    continue;
                }
                for (String candidate : candidates.split(",")) {
                    groups.addAll(groupsOf(candidate.trim(), all));
                }
            }
            for (String group : groups) {
                grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), ProcessDefinitionPermissions.READ_TASK);
                grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), ProcessDefinitionPermissions.TASK_WORK);
                // to give a claimed step back (unclaim) or take an unclaimed one; giving it to others is a supervisor's
                grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), ProcessDefinitionPermissions.TASK_ASSIGN);
                // the case's variables (the task cards and forms show them); which organisation's is the tenant check
                grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), ProcessDefinitionPermissions.READ_INSTANCE);
            }
        }
    }

    /** {@code mediator-${organisation}} stands for the mediators of every organisation; a literal group for itself. */
    private Set<String> groupsOf(String candidate, List<Organisation> all) {
        Set<String> groups = new TreeSet<>();
        for (Roles role : Roles.values()) {
            if (candidate.equals(role.id() + "-${organisation}")) {
                all.forEach(org -> groups.add(role.groupFor(org.code())));
            }
        }
        if (groups.isEmpty() && !candidate.contains("$") && !candidate.isEmpty()
                && identity.createGroupQuery().groupId(candidate).count() > 0) {
            groups.add(candidate);
        }
        return groups;
    }

    private void ensureTenant(Organisation org) {
        if (identity.createTenantQuery().tenantId(org.code()).count() == 0) {
            Tenant tenant = identity.newTenant(org.code());
            tenant.setName(org.name());
            identity.saveTenant(tenant);
        }
    }

    private void ensureTenantMember(String tenant, String group) {
        if (identity.createTenantQuery().tenantId(tenant).groupMember(group).count() == 0) {
            identity.createTenantGroupMembership(tenant, group);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Camunda keeps one row per group and resource, holding all its permissions: add to it or create it. */
    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization a = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        } else if (a.isPermissionGranted(permission)) {
            return;
        }
        a.addPermission(permission);
        authorizations.saveAuthorization(a);
    }

    /** Takes a permission back from a group's row (granted by an earlier version of this set-up). */
    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization a = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (a != null && a.isPermissionGranted(permission)) {
            a.removePermission(permission);
            authorizations.saveAuthorization(a);
        }
    }

    private void ensureFilters() {
        Map<String, TaskQuery> wanted = new LinkedHashMap<>();
        wanted.put("我的待办", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        wanted.put("本组待认领", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned());
        wanted.put("即将到期", mineOrMyGroups().dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(3).toDate()}"));
        wanted.put("已超期", mineOrMyGroups().dueBeforeExpression("${now()}"));
        int priority = 0;
        for (Map.Entry<String, TaskQuery> entry : wanted.entrySet()) {
            priority++;
            Map<String, Object> properties = Map.of(
                    "description", description(entry.getKey()),
                    "priority", priority,
                    "refresh", true,
                    "variables", CARD_VARIABLES);
            Filter existing = filters.createFilterQuery().filterName(entry.getKey()).singleResult();
            if (existing != null) {
                if (!properties.equals(existing.getProperties())) { // a filter made by an earlier version
                    existing.setProperties(properties);
                    filters.saveFilter(existing);
                }
                continue;
            }
            Filter filter = filters.newTaskFilter(entry.getKey());
            filter.setOwner("admin");
            filter.setQuery(entry.getValue().orderByDueDate().asc());
            filter.setProperties(properties);
            filters.saveFilter(filter);
            Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setUserId(Authorization.ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizations.saveAuthorization(everyone);
        }
    }

    /** What each task card shows of its case (set at intake) or of its risk (set when graded). */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "caseNumber", "label", "案号"),
            Map.of("name", "applicantNames", "label", "申请人"),
            Map.of("name", "employerName", "label", "用人单位"),
            Map.of("name", "mainCause", "label", "请求"),
            Map.of("name", "claimedTotal", "label", "金额"),
            Map.of("name", "caseMarks", "label", "标记"),
            Map.of("name", "riskLevelLabel", "label", "风险等级"));

    private TaskQuery mineOrMyGroups() {
        return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
    }

    private static String description(String name) {
        return switch (name) {
            case "我的待办" -> "已认领、由我办理的任务，按办理期限排序";
            case "本组待认领" -> "本组织本岗位尚无人认领的任务";
            case "即将到期" -> "三日内到期的任务";
            default -> "已超过办理期限的任务";
        };
    }
}
