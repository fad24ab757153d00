package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.models.PolicyTables;
import org.springframework.jdbc.core.JdbcTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The policy editor's scenario through /api/policy, on a system of its own (the periods table changes): add a step
 * 法律咨询 before mediation acceptance and shorten a policy period; validate, preview, deploy, migrate; a new case
 * and a migrated case both pass through the new step; then roll back, and a case waiting at the removed step is
 * reported by the dry run and keeps working on its version.
 */
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:policy-change;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "dispute.demo.enabled=true",
    "dispute.demo.cases=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyChangeIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired Deadlines deadlines;
    @Autowired PolicyTables policyTables;
    @Autowired JdbcTemplate jdbc;

    StaffClient mediator;
    StaffClient union;
    TestRestTemplate policy;

    /** Shared across the ordered steps. */
    static String negotiatedCase;
    static String waitingCase;
    static String firstDeployment;

    @BeforeEach
    void users() {
        mediator = new StaffClient(http, "wangfang", "demo");
        union = new StaffClient(http, "zhouqiang", "demo");
        policy = http.withBasicAuth("huangli", "demo");
    }

    @Test
    @Order(1)
    void onlyPolicyEditorsMayUseTheEndpoint() {
        ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("wangfang", "demo")
                .exchange("/api/policy/validate", HttpMethod.POST, multipart(Map.of(), null, true), MAP);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("message").toString()).contains("您无权");
    }

    @Test
    @Order(2)
    void casesRunningBeforeTheChange() {
        negotiatedCase = open("NEGOTIATION");
        waitingCase = open("MEDIATION");
        assertThat(union.tasks(negotiatedCase)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_RecordNegotiationResponse");
        assertThat(mediator.tasks(waitingCase)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_DecideMediationAcceptance");
    }

    @Test
    @Order(3)
    void aBrokenChangeIsRefusedWithTheElementNamedAndNothingDeployed() {
        long deployments = repository.createDeploymentQuery().count();
        // the new step without its form and without its period in the table
        Map<String, byte[]> broken = Map.of("mediation.bpmn", mediationWithLegalConsultation());
        ResponseEntity<Map<String, Object>> validated = policy.exchange("/api/policy/validate", HttpMethod.POST,
                multipart(broken, null, false), MAP);
        assertThat(validated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(violations(validated.getBody())).anySatisfy(v -> {
            assertThat(v.get("element")).isEqualTo("Task_LegalConsultation");
            assertThat(v.get("rule")).isEqualTo("FORM_REF");
        }).anySatisfy(v -> {
            assertThat(v.get("element")).isEqualTo("Task_LegalConsultation");
            assertThat(v.get("rule")).isEqualTo("DUE_DATE");
            assertThat((String) v.get("zh")).contains("LEGAL_CONSULTATION");
        });
        ResponseEntity<Map<String, Object>> deployed = policy.exchange("/api/policy/deployments", HttpMethod.POST,
                multipart(broken, "增加法律咨询", false), MAP);
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(violations(deployed.getBody())).isNotEmpty();
        ResponseEntity<Map<String, Object>> noReason = policy.exchange("/api/policy/deployments", HttpMethod.POST,
                multipart(change(), " ", false), MAP);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").toString()).contains("comment").contains("部署原因");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(deadlines.compute("MEDIATION_ACCEPTANCE", EngineTime.today()).period().length()).isEqualTo(3);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void thePreviewShowsTheNewStepThePeriodAndWhereCasesWait() {
        ResponseEntity<Map<String, Object>> preview = policy.exchange("/api/policy/preview", HttpMethod.POST,
                multipart(change(), null, false), MAP);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) preview.getBody().get("report");
        assertThat((List<?>) report.get("violations")).isEmpty();
        assertThat((List<Object>) report.get("changedFiles")).containsExactlyInAnyOrder("mediation.bpmn", "legal-consultation.form",
                "statutory-periods.csv");
        List<Map<String, Object>> changes = list(preview.getBody(), "changes");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("element")).isEqualTo("Task_LegalConsultation");
            assertThat(c.get("kind")).isEqualTo("ADDED");
            assertThat(c.get("after")).isEqualTo("法律咨询");
        }).anySatisfy(c -> {
            assertThat(c.get("element")).isEqualTo("MEDIATION_ACCEPTANCE");
            assertThat(c.get("kind")).isEqualTo("CHANGED");
            // a table row in words, as the grid shows it, not the file's codes
            assertThat((String) c.get("what")).isEqualTo("修改“调解受理审查期限”：长度由“3”改为“2”");
        }).anySatisfy(c -> assertThat(c.get("element")).isEqualTo("LEGAL_CONSULTATION"));
        assertThat(list(preview.getBody(), "waiting")).anySatisfy(w -> {
            assertThat(w.get("processKey")).isEqualTo("mediation");
            assertThat(w.get("elementId")).isEqualTo("Task_DecideMediationAcceptance");
            assertThat(((Number) w.get("cases")).longValue()).isEqualTo(1);
            assertThat(w.get("removed")).isEqualTo(false);
        });
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void deployedNewCasesPassThroughTheNewStepWithTheShortenedPeriod() {
        int before = latestVersion("mediation");
        ResponseEntity<Map<String, Object>> deployed = policy.exchange("/api/policy/deployments", HttpMethod.POST,
                multipart(change(), "试点：调解受理前先做法律咨询；受理审查期限缩短为2个工作日", false), MAP);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        firstDeployment = (String) deployed.getBody().get("deploymentId");
        assertThat(latestVersion("mediation")).isEqualTo(before + 1);
        assertThat((List<Object>) deployed.getBody().get("tableVersions")).containsExactly("statutory-periods.csv:2");
        assertThat(deadlines.compute("MEDIATION_ACCEPTANCE", EngineTime.today()).period().length()).isEqualTo(2);

        String fresh = open("MEDIATION");
        assertThat(mediator.tasks(fresh)).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_LegalConsultation");
        mediator.claimAndComplete(fresh, "Task_LegalConsultation", "consultationNote", "已告知调解、仲裁的权利和期限");
        Task acceptance = task(fresh, "Task_DecideMediationAcceptance");
        Date expected = Deadlines.endOf(deadlines.compute("MEDIATION_ACCEPTANCE", EngineTime.today()).due());
        assertThat(acceptance.getDueDate()).isEqualTo(expected);

        List<Map<String, Object>> audit = policy.exchange("/api/policy/audit", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(audit.get(0)).containsEntry("action", "DEPLOY").containsEntry("userId", "huangli")
                .containsEntry("deploymentId", firstDeployment);
    }

    @Test
    @Order(6)
    void aMigratedCaseAlsoPassesThroughTheNewStep() {
        int oldVersion = latestVersion("labor_dispute_case") - 1;
        Map<String, Object> dryRun = post("/api/policy/migrations/dry-run",
                Map.of("processKey", "labor_dispute_case", "sourceVersion", oldVersion));
        assertThat(list(dryRun, "movable")).extracting(m -> m.get("caseNumber")).contains(negotiatedCase, waitingCase);
        assertThat(list(dryRun, "blocked")).isEmpty();
        String before = runtime.createProcessInstanceQuery().processInstanceBusinessKey(negotiatedCase)
                .processDefinitionKey("labor_dispute_case").singleResult().getProcessDefinitionId();

        ResponseEntity<Map<String, Object>> noReason = policy.exchange("/api/policy/migrations", HttpMethod.POST,
                new HttpEntity<>(Map.of("processKey", "labor_dispute_case", "sourceVersion", oldVersion)), MAP);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(currentDefinition(negotiatedCase)).isEqualTo(before);

        ResponseEntity<Map<String, Object>> started = policy.exchange("/api/policy/migrations", HttpMethod.POST,
                new HttpEntity<>(Map.of("processKey", "labor_dispute_case", "sourceVersion", oldVersion,
                        "comment", "在办案件改用新版本，协商不成后先做法律咨询")), MAP);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String batchId = (String) started.getBody().get("batchId");
        runBatch(batchId);
        Map<String, Object> progress = policy.exchange("/api/policy/migrations/" + batchId, HttpMethod.GET, null, MAP).getBody();
        assertThat(progress).containsEntry("finished", true);
        assertThat(currentDefinition(negotiatedCase)).isNotEqualTo(before);

        // the history the case had before is kept
        assertThat(union.tasks(negotiatedCase)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_RecordNegotiationResponse");
        union.claimAndComplete(negotiatedCase, "Task_RecordNegotiationResponse", "otherPartyAgrees", false,
                "responseNote", "公司拒绝协商");
        assertThat(mediator.tasks(negotiatedCase)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_LegalConsultation");
    }

    @Test
    @Order(7)
    void afterARollBackACaseAtTheRemovedStepIsReportedAndKeepsWorkingOnItsVersion() {
        String atNewStep = open("MEDIATION");
        assertThat(mediator.tasks(atNewStep)).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_LegalConsultation");

        // the preview of putting the shipped model back says who waits at the step it removes
        Map<String, Object> preview = policy.exchange("/api/policy/preview", HttpMethod.POST,
                multipart(Map.of("mediation.bpmn", repoFile("bpmn/mediation.bpmn")), null, false), MAP).getBody();
        assertThat(list(preview, "changes")).anySatisfy(c -> {
            assertThat(c.get("element")).isEqualTo("Task_LegalConsultation");
            assertThat(c.get("kind")).isEqualTo("REMOVED");
        });
        assertThat(list(preview, "waiting")).anySatisfy(w -> {
            assertThat(w.get("elementId")).isEqualTo("Task_LegalConsultation");
            assertThat(w.get("removed")).isEqualTo(true);
            assertThat(((Number) w.get("cases")).longValue()).isGreaterThanOrEqualTo(1);
        });

        String original = repository.createDeploymentQuery().orderByDeploymentTime().asc().list().get(0).getId();
        ResponseEntity<Map<String, Object>> rolledBack = policy.exchange("/api/policy/deployments/" + original + "/rollback",
                HttpMethod.POST, new HttpEntity<>(Map.of("comment", "试点结束，恢复原流程")), MAP);
        assertThat(rolledBack.getStatusCode()).as(String.valueOf(rolledBack.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(open("MEDIATION")).satisfies(c -> assertThat(mediator.tasks(c)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_DecideMediationAcceptance"));

        int pilotVersion = latestVersion("mediation") - 1;
        Map<String, Object> dryRun = post("/api/policy/migrations/dry-run", Map.of("processKey", "mediation", "sourceVersion", pilotVersion));
        assertThat(list(dryRun, "blocked")).anySatisfy(b -> {
            assertThat(b.get("caseNumber")).isEqualTo(atNewStep);
            assertThat((String) b.get("reason")).contains("法律咨询").contains("Task_LegalConsultation");
        });
        String version = currentMediationDefinition(atNewStep);
        mediator.claimAndComplete(atNewStep, "Task_LegalConsultation", "consultationNote", "已解答");
        assertThat(mediator.tasks(atNewStep)).extracting(t -> t.get("taskDefinitionKey")).contains("Task_DecideMediationAcceptance");
        assertThat(currentMediationDefinition(atNewStep)).isEqualTo(version);

        List<Map<String, Object>> audit = policy.exchange("/api/policy/audit", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(audit).extracting(a -> a.get("action")).containsSubsequence("ROLLBACK", "MIGRATE", "DEPLOY");
    }

    @Test
    @Order(8)
    void aTableVersionDeployedOnAnotherNodeComesIntoForceHere() {
        String periods = new String(repoFile("src/main/resources/policy/statutory-periods.csv"), StandardCharsets.UTF_8)
                .replace("MEDIATION_ACCEPTANCE,调解受理审查期限,3,WORKING_DAYS", "MEDIATION_ACCEPTANCE,调解受理审查期限,4,WORKING_DAYS");
        jdbc.update("INSERT INTO md_table_version (name, version, content, sha256, source, comment, created_by, created_at) "
                + "VALUES ('statutory-periods.csv', (SELECT MAX(version) + 1 FROM md_table_version WHERE name = 'statutory-periods.csv'), "
                + "?, 'x', 'policy', '另一节点部署', 'huangli', CURRENT_TIMESTAMP)", periods);
        assertThat(deadlines.compute("MEDIATION_ACCEPTANCE", EngineTime.today()).period().length()).isEqualTo(2);
        policyTables.refresh();
        assertThat(deadlines.compute("MEDIATION_ACCEPTANCE", EngineTime.today()).period().length()).isEqualTo(4);
    }

    // ---- the change a policy editor makes in Camunda Modeler --------------------------------------------------

    /** mediation.bpmn with 法律咨询 between the application and the acceptance review, as the Modeler would save it. */
    static byte[] mediationWithLegalConsultation() {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(repoFile("bpmn/mediation.bpmn")));
        Process process = model.getModelElementById("mediation");
        UserTask acceptance = model.getModelElementById("Task_DecideMediationAcceptance");
        SequenceFlow intoAcceptance = model.getModelElementById("Flow_MediationRequested_DecideMediationAcceptance");

        UserTask consultation = model.newInstance(UserTask.class);
        consultation.setId("Task_LegalConsultation");
        consultation.setName("法律咨询");
        consultation.setCamundaCandidateGroups("mediator-${organisation}");
        consultation.setCamundaDueDate("${deadlines.due('LEGAL_CONSULTATION', mediationReceivedOn)}");
        consultation.setCamundaFormRef("legal-consultation");
        consultation.setCamundaFormRefBinding("deployment");
        process.addChildElement(consultation);

        acceptance.getIncoming().remove(intoAcceptance);
        intoAcceptance.setTarget(consultation);
        consultation.getIncoming().add(intoAcceptance);
        SequenceFlow onward = model.newInstance(SequenceFlow.class);
        onward.setId("Flow_LegalConsultation_DecideMediationAcceptance");
        process.addChildElement(onward);
        onward.setSource(consultation);
        onward.setTarget(acceptance);
        consultation.getOutgoing().add(onward);
        acceptance.getIncoming().add(onward);

        BpmnPlane plane = model.getModelElementsByType(BpmnPlane.class).iterator().next();
        BpmnShape shape = model.newInstance(BpmnShape.class);
        shape.setId("Task_LegalConsultation_di");
        shape.setBpmnElement(consultation);
        Bounds bounds = model.newInstance(Bounds.class);
        bounds.setX(250);
        bounds.setY(200);
        bounds.setWidth(100);
        bounds.setHeight(80);
        shape.setBounds(bounds);
        plane.addChildElement(shape);
        BpmnEdge edge = model.newInstance(BpmnEdge.class);
        edge.setId("Flow_LegalConsultation_DecideMediationAcceptance_di");
        edge.setBpmnElement(onward);
        edge.addChildElement(waypoint(model, 350, 240));
        edge.addChildElement(waypoint(model, 365, 160));
        plane.addChildElement(edge);
        return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    }

    private static Waypoint waypoint(BpmnModelInstance model, double x, double y) {
        Waypoint w = model.newInstance(Waypoint.class);
        w.setX(x);
        w.setY(y);
        return w;
    }

    /** The whole change: the model, its form, and the periods table with the new period and a shorter one. */
    static Map<String, byte[]> change() {
        String periods = new String(repoFile("src/main/resources/policy/statutory-periods.csv"), StandardCharsets.UTF_8);
        assertThat(periods).contains("MEDIATION_ACCEPTANCE,调解受理审查期限,3,WORKING_DAYS");
        periods = periods.replace("MEDIATION_ACCEPTANCE,调解受理审查期限,3,WORKING_DAYS", "MEDIATION_ACCEPTANCE,调解受理审查期限,2,WORKING_DAYS")
                + "LEGAL_CONSULTATION,调解前法律咨询期限,1,WORKING_DAYS,调解组织收到调解申请之日,无,本市试点政策（调解前法律咨询）,no\n";
        String form = """
                {"id": "legal-consultation", "type": "default", "executionPlatform": "Camunda Platform",
                 "executionPlatformVersion": "7.24.0", "schemaVersion": 16,
                 "components": [
                   {"type": "text", "id": "Text_title", "text": "### 法律咨询"},
                   {"label": "咨询要点（已告知的权利、期限和程序）", "id": "Field_consultationNote", "key": "consultationNote",
                    "type": "textarea", "validate": {"required": true}}
                 ]}
                """;
        return Map.of("mediation.bpmn", mediationWithLegalConsultation(),
                "legal-consultation.form", form.getBytes(StandardCharsets.UTF_8),
                "statutory-periods.csv", periods.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] repoFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String open(String procedure) {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("requestedProcedure", procedure);
        ResponseEntity<Map<String, Object>> opened = mediator.openCase(application);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    private HttpEntity<MultiValueMap<String, Object>> multipart(Map<String, byte[]> files, String comment, boolean fromRepository) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        if (comment != null) {
            body.add("comment", comment);
        }
        if (fromRepository) {
            body.add("fromRepository", "true");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    private Map<String, Object> post(String path, Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> answer = policy.exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("violations");
    }

    private int latestVersion(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private String currentDefinition(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("labor_dispute_case").singleResult().getProcessDefinitionId();
    }

    private String currentMediationDefinition(String caseNumber) {
        ProcessInstance main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("labor_dispute_case").singleResult();
        return runtime.createProcessInstanceQuery().superProcessInstanceId(main.getId()).singleResult().getProcessDefinitionId();
    }

    private Task task(String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }

    /** The job executor is off in tests: run the batch's seed, migration and monitor jobs until it is done. */
    private void runBatch(String batchId) {
        for (int round = 0; round < 20; round++) {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("batch " + batchId + " did not finish");
    }
}
