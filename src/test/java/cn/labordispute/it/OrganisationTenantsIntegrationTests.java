package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.engine.TenantMigration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisations as the engine's tenants: a case's instances, tasks and history carry its organisation's tenant, the
 * engine REST API shows another organisation none of it, no authorisation row is written per task, a mediator cannot
 * claim a step that is not her role's, and a database from before is moved to tenants once.
 */
@StaffApiTest
class OrganisationTenantsIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TenantMigration migration;
    @Autowired
    JdbcClient jdbc;

    private String openYuzhongCase() {
        ResponseEntity<Map<String, Object>> opened = new StaffClient(http, "wangfang", "demo")
                .openCase(Applications.mediation("yuzhong"));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    @Test
    void aCasesInstancesTasksAndHistoryBelongToItsOrganisationAndNoRowIsWrittenPerTask() {
        long rowsBefore = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count();
        String caseNumber = openYuzhongCase();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
                .isNotEmpty().allSatisfy(p -> assertThat(p.getTenantId()).isEqualTo("yuzhong"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list())
                .isNotEmpty().allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo("yuzhong"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
                .allSatisfy(h -> assertThat(h.getTenantId()).isEqualTo("yuzhong"));
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count()).isEqualTo(rowsBefore);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list())
                .allSatisfy(a -> assertThat(a.getResourceId()).isEqualTo(Authorization.ANY));
    }

    @Test
    void anotherOrganisationSeesNothingOfTheCaseThroughTheEngineRestApi() {
        String caseNumber = openYuzhongCase();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("labor_dispute_case").singleResult().getId();
        String task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0).getId();
        TestRestTemplate jishou = http.withBasicAuth("lixiaoyun", "demo");
        TestRestTemplate city = http.withBasicAuth("hemei", "demo");
        for (String path : List.of("/engine-rest/task?processInstanceBusinessKey={n}",
                "/engine-rest/process-instance?businessKey={n}",
                "/engine-rest/history/process-instance?processInstanceBusinessKey={n}",
                "/engine-rest/history/task?processInstanceBusinessKey={n}",
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance)) {
            assertThat(jishou.getForObject(path, List.class, caseNumber)).as(path).isEmpty();
            assertThat(city.getForObject(path, List.class, caseNumber)).as("the city sees " + path).isNotEmpty();
        }
        assertThat(jishou.getForEntity("/engine-rest/task/" + task, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jishou.postForEntity("/engine-rest/task/" + task + "/claim", Map.of("userId", "lixiaoyun"),
                String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    void aMemberOfStaffClaimsOnlyWhatHerRoleIsOfferedAndCompletesOnlyWhatIsHers() {
        String caseNumber = openYuzhongCase();
        String acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult().getId();
        // the union adviser of the same organisation is no mediator: she may not take the mediators' step
        ResponseEntity<String> union = http.withBasicAuth("zhouqiang", "demo")
                .postForEntity("/engine-rest/task/" + acceptance + "/claim", Map.of("userId", "zhouqiang"), String.class);
        assertThat(union.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        // a mediator claims it; her colleague can neither complete it nor give it to himself
        assertThat(http.withBasicAuth("wangfang", "demo").postForEntity("/engine-rest/task/" + acceptance + "/claim",
                Map.of("userId", "wangfang"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> colleague = http.withBasicAuth("zhanglei", "demo").postForEntity(
                "/engine-rest/task/" + acceptance + "/complete", Map.of("variables", Map.of()), String.class);
        assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(colleague.getBody()).contains("只有认领人可以办结");
        assertThat(tasks.createTaskQuery().taskId(acceptance).singleResult().getAssignee()).isEqualTo("wangfang");
        TestRestTemplate zhanglei = http.withBasicAuth("zhanglei", "demo");
        assertThat(zhanglei.postForEntity("/engine-rest/task/" + acceptance + "/unclaim", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(zhanglei.postForEntity("/engine-rest/task/" + acceptance + "/assignee", Map.of("userId", "zhanglei"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(acceptance).singleResult().getAssignee()).isEqualTo("wangfang");
        // she may give it back and take it again
        TestRestTemplate wangfang = http.withBasicAuth("wangfang", "demo");
        assertThat(wangfang.postForEntity("/engine-rest/task/" + acceptance + "/unclaim", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(acceptance).singleResult().getAssignee()).isNull();
        assertThat(wangfang.postForEntity("/engine-rest/task/" + acceptance + "/claim", Map.of("userId", "wangfang"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // the organisation's supervisor hands it to him
        assertThat(http.withBasicAuth("liuyang", "demo").postForEntity("/engine-rest/task/" + acceptance + "/assignee",
                Map.of("userId", "zhanglei"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(acceptance).singleResult().getAssignee()).isEqualTo("zhanglei");
    }

    @Test
    void theModelGivesTheNextStepToTheMediatorTheAcceptanceNamed() {
        String caseNumber = openYuzhongCase();
        new StaffClient(http, "wangfang", "demo").claimAndComplete(caseNumber, "Task_DecideMediationAcceptance",
                "withinScope", true, "otherPartyConsents", true, "jointMediation", false, "assignedMediator", "zhanglei");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ScheduleMediationSession").singleResult().getAssignee()).isEqualTo("zhanglei");
    }

    @Test
    void aDatabaseFromBeforeIsMovedToTenantsOnce() {
        String caseNumber = openYuzhongCase();
        String root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("labor_dispute_case").singleResult().getId();
        String task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0).getId();
        // as it was: no tenant anywhere in the case's rows, and a row per candidate group per task
        for (String table : List.of("ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
                "ACT_HI_TASKINST")) {
            jdbc.sql("UPDATE " + table + " SET TENANT_ID_ = NULL WHERE ROOT_PROC_INST_ID_ = ?").param(root).update();
        }
        jdbc.sql("UPDATE ACT_RU_TASK SET TENANT_ID_ = NULL WHERE ID_ = ?").param(task).update();
        jdbc.sql("UPDATE ACT_RU_VARIABLE SET TENANT_ID_ = NULL WHERE PROC_INST_ID_ = ?").param(root).update();
        Authorization perTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        perTask.setGroupId("mediator-yuzhong");
        perTask.setResource(Resources.TASK);
        perTask.setResourceId(task);
        perTask.addPermission(Permissions.READ);
        authorizations.saveAuthorization(perTask);
        jdbc.sql("DELETE FROM dc_setup_step WHERE name = 'organisations-as-tenants'").update();

        migration.migrate();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(root).singleResult().getTenantId())
                .isEqualTo("yuzhong");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getTenantId()).isEqualTo("yuzhong");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(root).singleResult().getTenantId())
                .isEqualTo("yuzhong");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND TENANT_ID_ IS NULL")
                .param(root).query(Long.class).single()).isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).count())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dc_setup_step WHERE name = 'organisations-as-tenants'")
                .query(Long.class).single()).isEqualTo(1);
        migration.migrate(); // recorded: a second start changes nothing
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getTenantId()).isEqualTo("yuzhong");
    }
}
