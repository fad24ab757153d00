package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.StatutoryPeriods;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Each rule of the model check, broken once in an otherwise good copy of the repo's models; the message names the element. */
class ModelValidatorTests {

    static ProcessEngine engine;
    static ModelValidator validator;
    static ModelFiles repo;

    @BeforeAll
    static void engine() {
        engine = ModelCheck.inMemoryEngine();
        validator = new ModelValidator(new ModelValidator.Context(
                new StatutoryPeriods(new ClassPathResource("policy/statutory-periods.csv"), Map.of()),
                cn.labordispute.security.Roles.SYSTEM_GROUPS::contains, Set.of(),
                new EngineParse((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())));
        repo = ModelFiles.fromFolders(Path.of("bpmn"), Path.of("forms"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theRepositorysSetIsClean() {
        assertThat(validator.validate(repo)).isEmpty();
    }

    @Test
    void parse_anExpressionTheEngineCannotParse() {
        assertBroken(text("mediation.bpmn", "${mediationResult == 'AGREEMENT'}", "${mediationResult == }"),
                "PARSE", "mediation.bpmn", null);
    }

    @Test
    void parse_notXmlAtAll() {
        assertBroken(repo.with(Map.of("mediation.bpmn", "<bpmn:definitions".getBytes())), "PARSE", "mediation.bpmn", null);
    }

    @Test
    void process_withoutHistoryTimeToLive() {
        List<Violation> found = validator.validate(text("follow-up.bpmn", "camunda:historyTimeToLive=\"3650\"", ""));
        assertThat(found).anySatisfy(v -> {
            assertThat(v.rule()).isIn("PROCESS", "PARSE");
            assertThat(v.file()).isEqualTo("follow-up.bpmn");
        });
    }

    @Test
    void id_thatDoesNotSayWhatItIs() {
        assertBroken(text("mediation.bpmn", "Task_DecideMediationAcceptance", "UserTask_1"), "ID", "mediation.bpmn", "UserTask_1");
    }

    @Test
    void name_notInChinese() {
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance").setName("Review")),
                "NAME", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void candidateGroup_ofARoleThatDoesNotExist() {
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance")
                .setCamundaCandidateGroups("mediators-${organisation}")), "CANDIDATE_GROUP", "mediation.bpmn",
                "Task_DecideMediationAcceptance");
    }

    @Test
    void candidateGroup_literalGroupsMustExist() {
        assertThat(validator.validate(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance")
                .setCamundaCandidateGroups("policy-editor")))).isEmpty();
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance")
                .setCamundaCandidateGroups("nobody")), "CANDIDATE_GROUP", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void dueDate_missing() {
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance").setCamundaDueDate(null)),
                "DUE_DATE", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void dueDate_namingAPeriodNotInTheTable() {
        List<Violation> found = assertBroken(text("mediation.bpmn", "'MEDIATION_ACCEPTANCE'", "'MEDIATION_INTAKE'"),
                "DUE_DATE", "mediation.bpmn", "Task_DecideMediationAcceptance");
        assertThat(found.get(0).zh()).contains("MEDIATION_INTAKE");
    }

    @Test
    void dueDate_aLiteralDuration() {
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance").setCamundaDueDate("P3D")),
                "DUE_DATE", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void formRef_toAFormNotInTheDeployment() {
        assertBroken(bpmn("mediation.bpmn", m -> this.<UserTask>element(m, "Task_DecideMediationAcceptance")
                .setCamundaFormRef("legal-consultation")), "FORM_REF", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void timer_withALiteralDuration() {
        String model = repo.text("mediation.bpmn");
        String timer = model.substring(model.indexOf("<bpmn:timeDate", model.indexOf("id=\"Timer_MediationLimit\"")));
        timer = timer.substring(0, timer.indexOf("</bpmn:timeDate>"));
        assertBroken(repo.with(Map.of("mediation.bpmn", model.replace(timer,
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P15D").replace("P15D</bpmn:timeDate>", "P15D</bpmn:timeDuration>")
                .getBytes(StandardCharsets.UTF_8))), "TIMER_PERIOD", "mediation.bpmn", "Timer_MediationLimit");
    }

    @Test
    void gateway_notNamedAsAQuestion() {
        assertBroken(text("mediation.bpmn", "name=\"予以受理？\"", "name=\"受理判断\""), "GATEWAY_QUESTION", "mediation.bpmn",
                "Gateway_MediationAccepted");
    }

    @Test
    void callActivity_toAProcessThatDoesNotExist() {
        assertBroken(text("labor-dispute-case.bpmn", "calledElement=\"negotiation\"", "calledElement=\"consultation\""),
                "CALL_ACTIVITY", "labor-dispute-case.bpmn", "CallActivity_Negotiation");
    }

    @Test
    void message_withoutACatcher() {
        assertBroken(text("labor-dispute-case.bpmn", "<bpmn:message id=\"Message_CaseWithdrawn\" name=\"CaseWithdrawn\" />",
                "<bpmn:message id=\"Message_CaseWithdrawn\" name=\"CaseWithdrawn\" /><bpmn:message id=\"Message_HearingRescheduled\" name=\"HearingRescheduled\" />"),
                "MESSAGE_CATCHER", "labor-dispute-case.bpmn", "Message_HearingRescheduled");
    }

    @Test
    void escalation_withoutACatcher() {
        String model = repo.text("follow-up.bpmn");
        int end = model.indexOf("</bpmn:endEvent>", model.indexOf("id=\"EndEvent_FollowUpDone\""));
        model = model.substring(0, end) + "<bpmn:escalationEventDefinition id=\"Event_Escalate\" escalationRef=\"Escalation_Complaint\" />"
                + model.substring(end);
        assertBroken(repo.with(Map.of("follow-up.bpmn", model.getBytes(StandardCharsets.UTF_8))), "ESCALATION_CATCHER", "follow-up.bpmn", "EndEvent_FollowUpDone", "<bpmn:escalation id=\"Escalation_Complaint\" name=\"投诉\" escalationCode=\"COMPLAINT\" />");
    }

    @Test
    void deadEnd_aTaskWithNoWayOut() {
        assertBroken(bpmn("mediation.bpmn", m -> {
            SequenceFlow flow = element(m, "Flow_MediationRequested_DecideMediationAcceptance");
            FlowNode task = flow.getTarget();
            task.getOutgoing().forEach(f -> {
                f.getTarget().getIncoming().remove(f);
                f.getParentElement().removeChildElement(f);
            });
            task.getOutgoing().clear();
        }), "DEAD_END", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void unreachable_aTaskNothingLeadsTo() {
        assertBroken(bpmn("mediation.bpmn", m -> {
            SequenceFlow flow = element(m, "Flow_MediationRequested_DecideMediationAcceptance");
            flow.getTarget().getIncoming().remove(flow);
            flow.getSource().getOutgoing().remove(flow);
            flow.getParentElement().removeChildElement(flow);
            m.getDefinitions().getChildElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram.class)
                    .forEach(d -> d.getBpmnPlane().getDiagramElements().removeIf(e ->
                            e instanceof org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge edge && edge.getBpmnElement() == null));
        }), "UNREACHABLE", "mediation.bpmn", "Task_DecideMediationAcceptance");
    }

    @Test
    void dmn_aTableTheEngineCannotParse() {
        assertBroken(repo.with(Map.of("triage.dmn", "<definitions/>".getBytes())), "PARSE", "triage.dmn", null);
    }

    @Test
    void dmn_overlappingRangesUnderUnique() {
        assertBroken(repo.with(Map.of("grading.dmn", dmn("UNIQUE", "&lt; 10", "[5..100]", "&gt; 100"))), "DMN_OVERLAP",
                "grading.dmn", "Rule_1,Rule_2");
    }

    @Test
    void dmn_aGapBetweenRanges() {
        List<Violation> found = assertBroken(repo.with(Map.of("grading.dmn", dmn("UNIQUE", "&lt; 10", "[10..100[", "&gt; 100"))),
                "DMN_GAP", "grading.dmn", "Input_workers");
        assertThat(found.get(0).en()).contains("[100, 100]");
    }

    @Test
    void dmn_wholeNumbersLeaveNoGapBetweenNineAndTen() {
        assertThat(validator.validate(repo.with(Map.of("grading.dmn", dmn("UNIQUE", "&lt;= 9", "[10..100]", "&gt;= 101")))))
                .isEmpty();
    }

    @Test
    void form_thatIsNotJson() {
        assertBroken(repo.with(Map.of("appeal.form", "{\"id\": ".getBytes())), "PARSE", "appeal.form", null);
    }

    @Test
    void form_namedOtherwiseThanItsId() {
        assertBroken(text("appeal.form", "\"id\": \"appeal\"", "\"id\": \"appeals\""), "FORM", "appeal.form", "appeals");
    }

    @Test
    void form_withAKeyTwice() {
        assertBroken(text("appeal.form", "\"key\": \"appealNote\"", "\"key\": \"appealed\""), "FORM", "appeal.form", "appealed");
    }

    @Test
    void form_thatNoTaskUses() {
        assertBroken(repo.with(Map.of("legal-consultation.form",
                "{\"id\":\"legal-consultation\",\"type\":\"default\",\"components\":[]}".getBytes())), "FORM",
                "legal-consultation.form", "legal-consultation");
    }

    @Test
    void formFields_aDecisionReadingAFieldTheFormLacks() {
        assertBroken(text("appeal.form", "\"key\": \"appealed\"", "\"key\": \"appealLodged\""), "FORM_FIELDS",
                "litigation.bpmn", "Task_RecordAppeal");
    }

    @Test
    void shadowsBean_aFormFieldNamedLikeAComponentTheModelsCall() {
        // a field "partialAwardCheck" would hide the service task's delegate of that name
        assertBroken(text("partial-award.form", "\"key\": \"partialAwardFacts\"", "\"key\": \"partialAwardCheck\""),
                "SHADOWS_BEAN", "partial-award.form", "partialAwardCheck");
    }

    @Test
    void aModelSavedByBpmnJsWithItsEscapedApostrophesIsReadTheSame() {
        // bpmn-js (the page's modeler, Camunda Modeler) writes ' inside attributes as &#39;
        ModelFiles saved = repo.with(Map.of("mediation.bpmn", repo.text("mediation.bpmn").replace("'", "&#39;")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(saved.text("mediation.bpmn")).contains("deadlines.due(&#39;MEDIATION_ACCEPTANCE&#39;");
        assertThat(validator.validate(saved)).isEmpty();
    }

    @Test
    void diagram_aFlowDrawnThroughAShape() {
        // the main model as it was drawn before: 仲裁 reached along the main row, through 调解 and what follows it
        List<Violation> found = assertBroken(text("labor-dispute-case.bpmn", """
                <di:waypoint x="1620" y="95" />
                        <di:waypoint x="1620" y="40" />
                        <di:waypoint x="3020" y="40" />
                        <di:waypoint x="3020" y="220" />""", """
                <di:waypoint x="1620" y="145" />
                        <di:waypoint x="1620" y="260" />
                        <di:waypoint x="2965" y="260" />"""), "DIAGRAM", "labor-dispute-case.bpmn", "Flow_FirstStage_Arbitration");
        assertThat(found).anySatisfy(v -> {
            assertThat(v.zh()).contains("仲裁", "穿过", "CallActivity_Mediation", "调解");
            assertThat(v.en()).contains("Flow_FirstStage_Arbitration", "CallActivity_Mediation");
        });
        // its own source and target, and the gateway it starts from, are not counted
        assertThat(found).noneSatisfy(v -> assertThat(v.zh()).contains("Gateway_FirstStage"));
        assertThat(found).noneSatisfy(v -> assertThat(v.zh()).contains("（CallActivity_Arbitration）"));
    }

    @Test
    void diagram_aLabelOverAShape() {
        List<Violation> found = assertBroken(text("legal-health-check.bpmn",
                "<dc:Bounds x=\"490\" y=\"170\" width=\"90\" height=\"28\" />",
                "<dc:Bounds x=\"592\" y=\"222\" width=\"88\" height=\"14\" />"),
                "DIAGRAM", "legal-health-check.bpmn", "Flow_WarningNeeded_Yes");
        assertThat(found).anySatisfy(v -> assertThat(v.zh()).contains("存在较大用工风险", "Task_IssueWarningLetter", "标签"));
    }

    @Test
    void diagram_flowsInsideASubProcessAndFromATimerOnATaskAreFine() {
        // the repository's models have both (follow-up's visit sub-process, the claims confirmation timer on the main
        // model); none is reported
        assertThat(validator.validate(repo)).noneSatisfy(v -> assertThat(v.rule()).isEqualTo("DIAGRAM"));
        assertThat(repo.text("follow-up.bpmn")).contains("SubProcess_VisitWorker");
        assertThat(repo.text("labor-dispute-case.bpmn")).contains("Flow_ClaimsConfirmationDue_ConfirmByPhone");
    }

    private List<Violation> assertBroken(ModelFiles files, String rule, String file, String element) {
        List<Violation> all = validator.validate(files);
        List<Violation> found = all.stream().filter(v -> v.rule().equals(rule)).toList();
        assertThat(found).as("violations of " + rule + " among " + all).isNotEmpty();
        assertThat(found).anySatisfy(v -> {
            assertThat(v.file()).isEqualTo(file);
            if (element != null) {
                assertThat(v.element()).isEqualTo(element);
                assertThat(v.message()).contains(element);
            }
            assertThat(v.zh()).isNotBlank();
            assertThat(v.en()).isNotBlank();
        });
        return found;
    }

    private List<Violation> assertBroken(ModelFiles files, String rule, String file, String element, String declaration) {
        String model = new String(files.get(file), StandardCharsets.UTF_8);
        return assertBroken(files.with(Map.of(file, model.replace("</bpmn:process>", "</bpmn:process>" + declaration)
                .getBytes(StandardCharsets.UTF_8))), rule, file, element);
    }

    private ModelFiles text(String file, String from, String to) {
        String model = repo.text(file);
        assertThat(model).contains(from);
        return repo.with(Map.of(file, model.replace(from, to).getBytes(StandardCharsets.UTF_8)));
    }

    private ModelFiles bpmn(String file, Consumer<BpmnModelInstance> change) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(repo.get(file)));
        change.accept(model);
        return repo.with(Map.of(file, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private <T> T element(BpmnModelInstance model, String id) {
        T element = (T) model.getModelElementById(id);
        assertThat(element).as(id).isNotNull();
        return element;
    }

    /** A grading table on the number of workers with three rules. */
    private static byte[] dmn(String hitPolicy, String first, String second, String third) {
        StringBuilder rules = new StringBuilder();
        String[] tests = {first, second, third};
        String[] levels = {"一般", "较大", "重大"};
        for (int i = 0; i < 3; i++) {
            rules.append("<rule id=\"Rule_").append(i + 1).append("\"><inputEntry id=\"InputEntry_").append(i + 1)
                    .append("\"><text>").append(tests[i]).append("</text></inputEntry><outputEntry id=\"OutputEntry_")
                    .append(i + 1).append("\"><text>\"").append(levels[i]).append("\"</text></outputEntry></rule>");
        }
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_grading" name="分级" namespace="http://labordispute.cn/dmn">
                  <decision id="grading" name="风险分级" camunda:historyTimeToLive="3650">
                    <decisionTable id="DecisionTable_grading" hitPolicy="%s">
                      <input id="Input_workers" label="涉及人数"><inputExpression id="InputExpression_workers" typeRef="integer"><text>workers</text></inputExpression></input>
                      <output id="Output_level" label="等级" name="level" typeRef="string" />
                      %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(hitPolicy, rules)).getBytes(StandardCharsets.UTF_8);
    }
}
