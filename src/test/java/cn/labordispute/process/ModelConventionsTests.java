package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.StatutoryPeriods;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The conventions every model in bpmn/ keeps (see README, "The chain"): a user task has a Chinese name, an
 * organisation-scoped candidate group of a known role, a due date that names a period in the periods table (or an
 * agreed date), and a Camunda Form in forms/; gateways that split are questions with named outcomes; every call
 * activity calls a model that exists; every timer that names a period names one in the table; ids say what they are.
 */
class ModelConventionsTests {

    private static final Pattern GROUP = Pattern.compile(
            "(mediator|arbitrator|legal-aid|court-liaison|union|supervisor)-\\$\\{organisation\\}");
    private static final Pattern PERIOD = Pattern.compile("deadlines\\.due\\('([A-Z0-9_]+)'");
    private static final Pattern ID = Pattern.compile(
            "(StartEvent|EndEvent|Task|Gateway|Timer|CallActivity|SubProcess|Flow)_[A-Z][A-Za-z_]+");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

    static final Map<String, BpmnModelInstance> models = new java.util.TreeMap<>();
    static final Map<String, String> modelTexts = new java.util.TreeMap<>();
    static final Map<String, JsonNode> forms = new java.util.TreeMap<>();
    static StatutoryPeriods periods;

    @BeforeAll
    static void readModelsAndForms() throws IOException {
        for (File f : files("bpmn", ".bpmn")) {
            models.put(f.getName(), Bpmn.readModelFromFile(f));
            modelTexts.put(f.getName(), java.nio.file.Files.readString(f.toPath()));
        }
        ObjectMapper json = new ObjectMapper();
        for (File f : files("forms", ".form")) {
            forms.put(f.getName(), json.readTree(f));
        }
        periods = new StatutoryPeriods(new ClassPathResource("policy/statutory-periods.csv"), Map.of());
        assertThat(models).hasSizeGreaterThanOrEqualTo(10);
    }

    private static List<File> files(String folder, String ending) {
        File[] found = new File(folder).listFiles((dir, name) -> name.endsWith(ending));
        assertThat(found).as("run from the project folder: " + folder + "/ holds the " + ending + " files").isNotEmpty();
        return List.of(found);
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<Map.Entry<String, T>> all(
            Class<T> type) {
        List<Map.Entry<String, T>> found = new ArrayList<>();
        models.forEach((file, model) -> model.getModelElementsByType(type)
                .forEach(e -> found.add(Map.entry(file, e))));
        return found;
    }

    @Test
    void everyUserTaskHasAChineseNameAScopedCandidateGroupADueDateAndAForm() {
        Set<String> formIds = new HashSet<>();
        forms.values().forEach(f -> formIds.add(f.get("id").asText()));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, UserTask> e : all(UserTask.class)) {
            UserTask t = e.getValue();
            String where = e.getKey() + " " + t.getId() + ": ";
            if (t.getName() == null || !CHINESE.matcher(t.getName()).find()) {
                problems.add(where + "needs a Chinese name");
            }
            String groups = t.getCamundaCandidateGroups();
            if (groups == null || !GROUP.matcher(groups).matches()) {
                problems.add(where + "candidate group must be role-${organisation}, not " + groups);
            }
            String due = t.getCamundaDueDate();
            if (due == null) {
                problems.add(where + "needs a due date");
            } else if (!due.contains("deadlines.endOfDay(")) {
                problems.addAll(unknownPeriods(e.getKey(), where, due));
            }
            if (t.getCamundaFormRef() == null || !formIds.contains(t.getCamundaFormRef())
                    || !"deployment".equals(t.getCamundaFormRefBinding())) {
                problems.add(where + "needs camunda:formRef to a form in forms/ with binding deployment, not "
                        + t.getCamundaFormRef());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormIsUsedByATaskAndIsNamedAfterItsId() {
        Set<String> referenced = new HashSet<>();
        all(UserTask.class).forEach(e -> referenced.add(e.getValue().getCamundaFormRef()));
        forms.forEach((file, form) -> {
            assertThat(file).isEqualTo(form.get("id").asText() + ".form");
            assertThat(referenced).as(file + " is referenced by a user task").contains(form.get("id").asText());
        });
    }

    @Test
    void timersThatNameAPeriodNameOneInTheTable() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TimerEventDefinition> e : all(TimerEventDefinition.class)) {
            TimerEventDefinition t = e.getValue();
            String expression = t.getTimeDate() != null ? t.getTimeDate().getTextContent()
                    : t.getTimeCycle() != null ? t.getTimeCycle().getTextContent() : t.getTimeDuration().getTextContent();
            problems.addAll(unknownPeriods(e.getKey(), e.getKey() + " " + ((BaseElement) t.getParentElement()).getId()
                    + ": ", expression));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void splittingGatewaysAreQuestionsWithNamedOutcomes() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Gateway> e : all(Gateway.class)) {
            Gateway g = e.getValue();
            Collection<SequenceFlow> out = g.getOutgoing();
            if (out.size() < 2 || g instanceof ParallelGateway) {
                continue; // a parallel split decides nothing: all its flows are taken
            }
            if (g.getName() == null || !g.getName().endsWith("？")) {
                problems.add(e.getKey() + " " + g.getId() + ": a splitting gateway is named as a question");
            }
            out.stream().filter(f -> f.getName() == null || f.getName().isBlank())
                    .forEach(f -> problems.add(e.getKey() + " " + f.getId() + ": an outcome of " + g.getId() + " needs a name"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void callActivitiesCallModelsThatExist() {
        Set<String> processIds = new HashSet<>();
        all(Process.class).forEach(e -> processIds.add(e.getValue().getId()));
        for (Map.Entry<String, CallActivity> e : all(CallActivity.class)) {
            assertThat(processIds).as(e.getKey() + " " + e.getValue().getId()).contains(e.getValue().getCalledElement());
        }
    }

    @Test
    void everyProcessKeepsHistoryForALimitedTimeAndIsExecutable() {
        for (Map.Entry<String, Process> e : all(Process.class)) {
            assertThat(e.getValue().getCamundaHistoryTimeToLiveString()).as(e.getKey()).isNotBlank();
            assertThat(e.getValue().isExecutable()).as(e.getKey()).isTrue();
        }
    }

    @Test
    void flowNodesAndFlowsHaveMeaningfulIdsAndNodesHaveChineseNames() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, FlowNode> e : all(FlowNode.class)) {
            FlowNode n = e.getValue();
            if (!ID.matcher(n.getId()).matches()) {
                problems.add(e.getKey() + " " + n.getId() + ": id should say what it is (Task_…, Gateway_…)");
            }
            if (n.getName() == null || !CHINESE.matcher(n.getName()).find()) {
                problems.add(e.getKey() + " " + n.getId() + ": needs a Chinese name");
            }
        }
        all(SequenceFlow.class).stream().filter(e -> !ID.matcher(e.getValue().getId()).matches())
                .forEach(e -> problems.add(e.getKey() + " " + e.getValue().getId() + ": flow ids start with Flow_"));
        assertThat(problems).isEmpty();
    }

    private static final Pattern PERIOD_VARIABLE = Pattern.compile("deadlines\\.due\\(([a-zA-Z]\\w*)\\s*,");
    private static final Pattern LITERAL = Pattern.compile("'([A-Z][A-Z0-9_]+)'");

    /**
     * A period is named literally ({@code deadlines.due('MEDIATION_LIMIT', …)}) or through a variable that the same
     * model sets, every value of which is a period in the table.
     */
    private static List<String> unknownPeriods(String file, String where, String expression) {
        List<String> problems = new ArrayList<>();
        Matcher m = PERIOD.matcher(expression);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (!periods.contains(m.group(1))) {
                problems.add(where + "names period " + m.group(1) + ", which is not in the periods table");
            }
        }
        Matcher variable = PERIOD_VARIABLE.matcher(expression);
        if (!any && variable.find()) {
            Matcher set = Pattern.compile("setVariable\\('" + variable.group(1) + "',(.*?)\\)\\}").matcher(modelTexts.get(file));
            List<String> values = new ArrayList<>();
            while (set.find()) {
                // in "condition ? 'A' : 'B'" only the results are periods
                String value = set.group(1).contains("?") ? set.group(1).substring(set.group(1).indexOf('?')) : set.group(1);
                Matcher literal = LITERAL.matcher(value);
                while (literal.find()) {
                    values.add(literal.group(1));
                }
            }
            if (values.isEmpty()) {
                problems.add(where + "the period variable " + variable.group(1) + " is never set to a period in this model");
            }
            values.stream().filter(v -> !periods.contains(v))
                    .forEach(v -> problems.add(where + variable.group(1) + " may be " + v + ", which is not in the periods table"));
            any = true;
        }
        if (!any && expression.contains("deadlines.due(")) {
            problems.add(where + "deadlines.due must name a period: " + expression);
        }
        return problems;
    }
}
