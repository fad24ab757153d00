package cn.labordispute.models;

import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The project's rule set for models, used by the build (a test over bpmn/ and forms/), the command line
 * ({@link ModelCheck}) and the deploy endpoint. Each violation names the file, the element and what to change.
 *
 * <p>Rules: PARSE (the engine parses it), PROCESS (executable, history time to live), ID and NAME (ids say what they
 * are, names are Chinese), CANDIDATE_GROUP, DUE_DATE (names a period in the periods table), FORM_REF (a form in the
 * same deployment), TIMER_PERIOD, GATEWAY_QUESTION, CALL_ACTIVITY, MESSAGE_CATCHER, ESCALATION_CATCHER, DEAD_END,
 * UNREACHABLE, DMN_OVERLAP, DMN_GAP ({@link DecisionTableCheck}), FORM (parses, id = file name, unique keys, used),
 * FORM_FIELDS (a decision right after a task reads only what its form or the model sets), SHADOWS_BEAN (no form field or
 * variable a model sets is named like a bean the models call, which the variable would hide from the expression), CODE
 * (no code of its own: {@link ModelSafety}), DIAGRAM (no flow drawn through a shape, no label over another: {@link DiagramCheck}).
 */
public class ModelValidator {

    /** What the rules check against besides the files themselves. */
    public record Context(StatutoryPeriods periods, Predicate<String> groupExists, Set<String> deployedProcessKeys,
            EngineParse engine) {
    }

    private static final String ROLES = Roles.all().stream().map(Roles::id).collect(Collectors.joining("|"));
    private static final Pattern SCOPED_GROUP = Pattern.compile("(" + ROLES + ")-\\$\\{organisation\\}");
    private static final Pattern LITERAL_GROUP = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PERIOD = Pattern.compile("deadlines\\.due\\('([A-Z0-9_]+)'");
    private static final Pattern PERIOD_VARIABLE = Pattern.compile("deadlines\\.due\\(([a-zA-Z]\\w*)\\s*,");
    private static final Pattern LITERAL = Pattern.compile("'([A-Z][A-Z0-9_]+)'");
    private static final Pattern ID = Pattern.compile(
            "(StartEvent|EndEvent|Task|Gateway|Timer|CallActivity|SubProcess|Flow|Event|Message|Escalation)_[A-Z][A-Za-z0-9_]*");
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn:)?process\\s[^>]*?id=\"([^\"]+)\"");
    private static final Pattern APOSTROPHE = Pattern.compile("&#39;|&apos;|&#x27;");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_]\\w*)(?!\\s*[.(\\w])");
    private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "empty", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");
    private static final Pattern BEAN = Pattern.compile(
            "delegateExpression=\"\\$\\{(\\w+)}\"|\\$\\{(\\w+)\\.\\w+\\((?:execution|task)\\b");
    private static final Pattern SETS_VARIABLE = Pattern.compile(
            "setVariable(?:Local)?\\('(\\w+)'|camunda:out [^>]*target=\"(\\w+)\"|camunda:outputParameter name=\"(\\w+)\""
                    + "|camunda:resultVariable=\"(\\w+)\"|camunda:elementVariable=\"(\\w+)\"");

    private final Context context;
    private final ObjectMapper json = new ObjectMapper();

    public ModelValidator(Context context) {
        this.context = context;
    }

    public List<Violation> validate(ModelFiles files) {
        List<Violation> found = new ArrayList<>();
        ModelSafety safety = new ModelSafety();
        files.all().forEach((file, content) -> found.addAll(safety.check(file, content)));
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        Set<String> processKeys = new HashSet<>(context.deployedProcessKeys());
        files.ofType(ModelFiles.BPMN).forEach((file, content) -> {
            // read even from a file that does not parse, so that one broken model does not break its callers' checks
            Matcher process = PROCESS_ID.matcher(new String(content, StandardCharsets.UTF_8));
            while (process.find()) {
                processKeys.add(process.group(1));
            }
            List<Violation> parse = context.engine() != null ? context.engine().bpmn(file, content) : List.of();
            found.addAll(parse);
            try {
                models.put(file, Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
            } catch (RuntimeException e) {
                if (parse.isEmpty()) {
                    found.add(new Violation(file, "", "PARSE", "不是有效的 BPMN 文件：" + e.getMessage(),
                            "not a valid BPMN file: " + e.getMessage()));
                }
            }
        });
        files.ofType(ModelFiles.DMN).forEach((file, content) -> {
            List<Violation> parse = context.engine() != null ? context.engine().dmn(file, content) : List.of();
            found.addAll(parse);
            if (parse.isEmpty()) {
                found.addAll(DecisionTableCheck.check(file, content));
            }
        });
        Map<String, Set<String>> formKeys = forms(files, found);
        Set<String> referencedForms = new HashSet<>();
        models.forEach((file, model) -> {
            String text = text(files.get(file));
            processes(file, model, found);
            names(file, model, found);
            userTasks(file, model, text, formKeys, referencedForms, found);
            timers(file, model, text, found);
            gateways(file, model, found);
            callActivities(file, model, processKeys, found);
            flow(file, model, found);
            found.addAll(DiagramCheck.check(file, model));
        });
        events(models, found);
        shadowedBeans(files, formKeys, found);
        boolean allRead = models.size() == files.ofType(ModelFiles.BPMN).size();
        formKeys.keySet().stream().filter(id -> allRead && !referencedForms.contains(id)).forEach(id -> found.add(new Violation(
                id + ModelFiles.FORM, id, "FORM", "没有用户任务引用此表单：删除它，或在任务的 camunda:formRef 中引用它",
                "no user task uses this form: delete it or reference it from a task's camunda:formRef")));
        return found;
    }

    /**
     * A model's text for the rules that read expressions in it, with apostrophes as they are meant: bpmn-js (the
     * in-page modeler and Camunda Modeler) writes {@code '} inside attributes as {@code &#39;}.
     */
    static String text(byte[] content) {
        return APOSTROPHE.matcher(new String(content, StandardCharsets.UTF_8)).replaceAll("'");
    }

    /**
     * A variable hides a bean of the same name in expressions (the engine resolves variables first), so a form field
     * or a variable a model sets must not be named like a bean the models call ({@code ${documents.issue(execution …}},
     * {@code delegateExpression="${paymentSchedule}"}).
     */
    private void shadowedBeans(ModelFiles files, Map<String, Set<String>> formKeys, List<Violation> found) {
        Set<String> beans = new HashSet<>();
        Map<String, String> setBy = new LinkedHashMap<>();
        files.ofType(ModelFiles.BPMN).forEach((file, content) -> {
            String text = text(content);
            Matcher bean = BEAN.matcher(text);
            while (bean.find()) {
                beans.add(bean.group(1) != null ? bean.group(1) : bean.group(2));
            }
            Matcher set = SETS_VARIABLE.matcher(text);
            while (set.find()) {
                for (int g = 1; g <= set.groupCount(); g++) {
                    if (set.group(g) != null) {
                        setBy.putIfAbsent(set.group(g), file);
                    }
                }
            }
        });
        formKeys.forEach((form, keys) -> keys.stream().filter(beans::contains).forEach(key -> found.add(new Violation(
                form + ModelFiles.FORM, key, "SHADOWS_BEAN", "表单字段 " + key + " 与流程调用的组件同名，会使表达式找不到该组件：请改名",
                "the form field " + key + " has the name of a component the models call, which it would hide: rename it"))));
        setBy.forEach((variable, file) -> {
            if (beans.contains(variable)) {
                found.add(new Violation(file, variable, "SHADOWS_BEAN", "变量 " + variable + " 与流程调用的组件同名，会使表达式找不到该组件：请改名",
                        "the variable " + variable + " has the name of a component the models call, which it would hide: rename it"));
            }
        });
    }

    private void processes(String file, BpmnModelInstance model, List<Violation> found) {
        for (Process p : model.getModelElementsByType(Process.class)) {
            if (!p.isExecutable()) {
                found.add(new Violation(file, p.getId(), "PROCESS", "流程须设为可执行（isExecutable=\"true\"）",
                        "the process must be executable (isExecutable=\"true\")"));
            }
            if (p.getCamundaHistoryTimeToLiveString() == null || p.getCamundaHistoryTimeToLiveString().isBlank()) {
                found.add(new Violation(file, p.getId(), "PROCESS", "须设置历史保留期（camunda:historyTimeToLive，单位：日）",
                        "set the history time to live (camunda:historyTimeToLive, in days)"));
            }
        }
    }

    private void names(String file, BpmnModelInstance model, List<Violation> found) {
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            if (!ID.matcher(n.getId()).matches()) {
                found.add(new Violation(file, n.getId(), "ID", "标识应说明元素是什么，如 Task_DecideMediationAcceptance、Gateway_MediationAccepted",
                        "the id should say what the element is, e.g. Task_DecideMediationAcceptance, Gateway_MediationAccepted"));
            }
            if (n.getName() == null || !CHINESE.matcher(n.getName()).find()) {
                found.add(new Violation(file, n.getId(), "NAME", "须有中文名称", "needs a Chinese name"));
            }
        }
        for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
            if (!f.getId().startsWith("Flow_")) {
                found.add(new Violation(file, f.getId(), "ID", "连线标识以 Flow_ 开头", "sequence flow ids start with Flow_"));
            }
        }
    }

    private void userTasks(String file, BpmnModelInstance model, String text, Map<String, Set<String>> formKeys,
            Set<String> referencedForms, List<Violation> found) {
        Set<String> setByModel = variablesSetBy(text);
        for (UserTask t : model.getModelElementsByType(UserTask.class)) {
            String groups = t.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                found.add(new Violation(file, t.getId(), "CANDIDATE_GROUP", "须设置候选组（camunda:candidateGroups），如 mediator-${organisation}",
                        "set a candidate group (camunda:candidateGroups), e.g. mediator-${organisation}"));
            } else {
                for (String group : groups.split(",")) {
                    String g = group.trim();
                    boolean known = SCOPED_GROUP.matcher(g).matches()
                            || (LITERAL_GROUP.matcher(g).matches() && context.groupExists().test(g));
                    if (!known) {
                        found.add(new Violation(file, t.getId(), "CANDIDATE_GROUP",
                                "候选组 " + g + " 不存在；应为 角色-${organisation}，角色为 " + ROLES.replace('|', '、') + " 之一",
                                "candidate group " + g + " does not exist; write role-${organisation} with role one of "
                                        + ROLES.replace('|', ',')));
                    }
                }
            }
            String due = t.getCamundaDueDate();
            if (due == null || due.isBlank()) {
                found.add(new Violation(file, t.getId(), "DUE_DATE", "须设置办理期限，如 ${deadlines.due('TASK_HANDLING')}",
                        "set a due date, e.g. ${deadlines.due('TASK_HANDLING')}"));
            } else if (!due.contains("deadlines.endOfDay(")) {
                unknownPeriods(file, t.getId(), "DUE_DATE", due, text, found);
            }
            String formRef = t.getCamundaFormRef();
            if (formRef == null || !formKeys.containsKey(formRef) || !"deployment".equals(t.getCamundaFormRefBinding())) {
                found.add(new Violation(file, t.getId(), "FORM_REF",
                        formRef == null ? "须选择一个表单（camunda:formRef 为 forms/ 中某表单的 id）" : "须引用同一部署中的表单：camunda:formRef 为 forms/ 中某表单的 id，camunda:formRefBinding=\"deployment\"（现为 " + formRef + "）",
                        formRef == null ? "choose a form (camunda:formRef = the id of a form in forms/)" : "reference a form of the same deployment: camunda:formRef = the id of a form in forms/, "
                                + "camunda:formRefBinding=\"deployment\" (now " + formRef + ")"));
            } else {
                referencedForms.add(formRef);
                formFields(file, t, formRef, formKeys.get(formRef), setByModel, found);
            }
        }
    }

    /** A decision right after a task reads what the task's form asks for, or what the model itself sets. */
    private void formFields(String file, UserTask task, String formRef, Set<String> keys, Set<String> setByModel,
            List<Violation> found) {
        for (SequenceFlow out : task.getOutgoing()) {
            if (!(out.getTarget() instanceof ExclusiveGateway gateway)) {
                continue;
            }
            Set<String> read = new TreeSet<>();
            gateway.getOutgoing().stream().filter(f -> f.getConditionExpression() != null)
                    .forEach(f -> read.addAll(variablesReadBy(f.getConditionExpression().getTextContent())));
            read.removeAll(keys);
            read.removeAll(setByModel);
            read.removeAll(IntakeService.CASE_VARIABLES);
            for (String variable : read) {
                found.add(new Violation(file, task.getId(), "FORM_FIELDS",
                        "其后的判断 " + gateway.getId() + " 读取变量 " + variable + "，但表单 " + formRef + " 没有此字段：在表单中加入 key 为 " + variable + " 的字段，或改正条件",
                        "the decision " + gateway.getId() + " after it reads " + variable + ", which form " + formRef
                                + " does not ask for: add a field with key " + variable + " or correct the condition"));
            }
        }
    }

    static Set<String> variablesReadBy(String expression) {
        Set<String> read = new TreeSet<>();
        Matcher e = EXPRESSION.matcher(expression);
        while (e.find()) {
            Matcher id = IDENTIFIER.matcher(STRING_LITERAL.matcher(e.group(1)).replaceAll("''"));
            while (id.find()) {
                if (!EL_WORDS.contains(id.group(1))) {
                    read.add(id.group(1));
                }
            }
        }
        return read;
    }

    static Set<String> variablesSetBy(String modelText) {
        Set<String> set = new HashSet<>();
        Matcher m = SETS_VARIABLE.matcher(modelText);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    set.add(m.group(g));
                }
            }
        }
        return set;
    }

    private void timers(String file, BpmnModelInstance model, String text, List<Violation> found) {
        for (TimerEventDefinition t : model.getModelElementsByType(TimerEventDefinition.class)) {
            String expression = t.getTimeDate() != null ? t.getTimeDate().getTextContent()
                    : t.getTimeCycle() != null ? t.getTimeCycle().getTextContent()
                    : t.getTimeDuration() != null ? t.getTimeDuration().getTextContent() : "";
            String element = ((BaseElement) t.getParentElement()).getId();
            boolean schedule = t.getParentElement() instanceof StartEvent && t.getTimeCycle() != null;
            if (schedule || expression.contains("deadlines.endOfDay(")) {
                continue; // a repeating schedule of a technical process, or a date the parties agreed
            }
            if (expression.matches("\\s*P.*") || expression.matches("\\s*R.*")) {
                found.add(new Violation(file, element, "TIMER_PERIOD",
                        "定时器写了固定时长 " + expression.trim() + "：请用期间表中的期间名，如 ${deadlines.due('MEDIATION_LIMIT', mediationReceivedOn)}",
                        "the timer has a literal duration " + expression.trim()
                                + ": name a period of the periods table instead, e.g. ${deadlines.due('MEDIATION_LIMIT', mediationReceivedOn)}"));
            } else {
                unknownPeriods(file, element, "TIMER_PERIOD", expression, text, found);
            }
        }
    }

    /**
     * A period is named literally ({@code deadlines.due('MEDIATION_LIMIT', …)}) or through a variable that the same
     * model sets, every value of which is a period in the table.
     */
    private void unknownPeriods(String file, String element, String rule, String expression, String modelText,
            List<Violation> found) {
        Matcher m = PERIOD.matcher(expression);
        boolean named = false;
        while (m.find()) {
            named = true;
            if (!context.periods().contains(m.group(1))) {
                found.add(unknownPeriod(file, element, rule, m.group(1)));
            }
        }
        Matcher variable = PERIOD_VARIABLE.matcher(expression);
        if (!named && variable.find()) {
            named = true;
            Matcher set = Pattern.compile("setVariable\\('" + variable.group(1) + "',(.*?)\\)\\}").matcher(modelText);
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
                found.add(new Violation(file, element, rule, "期间变量 " + variable.group(1) + " 在本模型中从未被设为期间表中的期间",
                        "the period variable " + variable.group(1) + " is never set to a period of the table in this model"));
            }
            values.stream().filter(v -> !context.periods().contains(v)).forEach(v -> found.add(unknownPeriod(file, element, rule, v)));
        }
        if (!named) {
            found.add(new Violation(file, element, rule, "期限须用期间表中的期间名，如 ${deadlines.due('TASK_HANDLING')}（现为 " + expression.trim() + "）",
                    "a deadline names a period of the periods table, e.g. ${deadlines.due('TASK_HANDLING')} (now "
                            + expression.trim() + ")"));
        }
    }

    private static Violation unknownPeriod(String file, String element, String rule, String period) {
        return new Violation(file, element, rule, "期间 " + period + " 不在期间表（statutory-periods.csv）中：改用表中的期间，或先在表中加入它",
                "period " + period + " is not in the periods table (statutory-periods.csv): use one that is, or add it to the table first");
    }

    private void gateways(String file, BpmnModelInstance model, List<Violation> found) {
        for (Gateway g : model.getModelElementsByType(Gateway.class)) {
            Collection<SequenceFlow> out = g.getOutgoing();
            if (out.size() < 2 || g instanceof ParallelGateway) {
                continue; // a parallel split decides nothing: all its flows are taken
            }
            if (g.getName() == null || !g.getName().endsWith("？")) {
                found.add(new Violation(file, g.getId(), "GATEWAY_QUESTION", "分支网关以问题命名，以“？”结尾，如“达成协议？”",
                        "a splitting gateway is named as a question ending in \"？\", e.g. \"达成协议？\""));
            }
            out.stream().filter(f -> f.getName() == null || f.getName().isBlank()).forEach(f -> found.add(new Violation(
                    file, f.getId(), "GATEWAY_QUESTION", "网关 " + g.getId() + " 的每个出口须写明答案（连线名称）",
                    "each outcome of " + g.getId() + " needs a name (the answer)")));
        }
    }

    private void callActivities(String file, BpmnModelInstance model, Set<String> processKeys, List<Violation> found) {
        for (CallActivity c : model.getModelElementsByType(CallActivity.class)) {
            String called = c.getCalledElement();
            if (called == null || !processKeys.contains(called)) {
                found.add(new Violation(file, c.getId(), "CALL_ACTIVITY",
                        "调用的流程 " + called + " 不存在：calledElement 须为本次部署或已部署流程的 id",
                        "the called process " + called + " does not exist: calledElement must be the id of a process in "
                                + "this deployment or already deployed"));
            }
        }
    }

    private void flow(String file, BpmnModelInstance model, List<Violation> found) {
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            boolean end = n instanceof EndEvent || isCompensation(n) || isEventSubProcess(n);
            if (!end && n.getOutgoing().isEmpty()) {
                found.add(new Violation(file, n.getId(), "DEAD_END", "没有出口连线：接到下一步或结束事件",
                        "no outgoing flow: connect it to the next step or to an end event"));
            }
        }
        Set<String> reachable = new HashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>();
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            if (n instanceof StartEvent || isEventSubProcess(n) || isCompensation(n) || isLinkCatch(n)) {
                queue.add(n);
            }
        }
        while (!queue.isEmpty()) {
            FlowNode n = queue.poll();
            if (!reachable.add(n.getId())) {
                continue;
            }
            n.getOutgoing().forEach(f -> queue.add(f.getTarget()));
            if (n instanceof Activity) {
                model.getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(b -> b.getAttachedTo() == n).forEach(queue::add);
            }
        }
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            if (!reachable.contains(n.getId()) && inReachableScope(n, reachable)) {
                found.add(new Violation(file, n.getId(), "UNREACHABLE", "从开始事件无法到达此处：接入流程或删除它",
                        "it cannot be reached from a start event: connect it or delete it"));
            }
        }
    }

    private static boolean inReachableScope(FlowElement n, Set<String> reachable) {
        ModelElementInstance parent = n.getParentElement();
        return !(parent instanceof SubProcess s) || reachable.contains(s.getId());
    }

    private static boolean isEventSubProcess(FlowNode n) {
        return n instanceof SubProcess s && s.triggeredByEvent();
    }

    private static boolean isCompensation(FlowNode n) {
        return n instanceof Activity a && a.isForCompensation();
    }

    private static boolean isLinkCatch(FlowNode n) {
        return n instanceof CatchEvent c && c.getEventDefinitions().stream().anyMatch(d -> d instanceof LinkEventDefinition);
    }

    /** Every message is caught somewhere in the set, and every escalation thrown is caught. */
    private void events(Map<String, BpmnModelInstance> models, List<Violation> found) {
        Set<String> caughtMessages = new HashSet<>();
        Set<String> caughtEscalations = new HashSet<>();
        boolean catchAllEscalations = false;
        for (BpmnModelInstance model : models.values()) {
            for (CatchEvent c : model.getModelElementsByType(CatchEvent.class)) {
                for (EventDefinition d : c.getEventDefinitions()) {
                    if (d instanceof MessageEventDefinition m && m.getMessage() != null) {
                        caughtMessages.add(m.getMessage().getName());
                    }
                    if (d instanceof EscalationEventDefinition e) {
                        if (e.getEscalation() == null) {
                            catchAllEscalations = true;
                        } else {
                            caughtEscalations.add(e.getEscalation().getEscalationCode());
                        }
                    }
                }
            }
            model.getModelElementsByType(ReceiveTask.class).stream().filter(r -> r.getMessage() != null)
                    .forEach(r -> caughtMessages.add(r.getMessage().getName()));
        }
        for (Map.Entry<String, BpmnModelInstance> e : models.entrySet()) {
            for (Message m : e.getValue().getModelElementsByType(Message.class)) {
                if (!caughtMessages.contains(m.getName())) {
                    found.add(new Violation(e.getKey(), m.getId(), "MESSAGE_CATCHER",
                            "消息 " + m.getName() + " 没有任何事件接收：加上接收它的开始、中间或边界事件，或删除它",
                            "no event catches message " + m.getName() + ": add a start, intermediate or boundary event for it, or delete it"));
                }
            }
            for (ThrowEvent t : e.getValue().getModelElementsByType(ThrowEvent.class)) {
                for (EventDefinition d : t.getEventDefinitions()) {
                    if (d instanceof EscalationEventDefinition esc && !catchAllEscalations && (esc.getEscalation() == null
                            || !caughtEscalations.contains(esc.getEscalation().getEscalationCode()))) {
                        Escalation escalation = esc.getEscalation();
                        String code = escalation == null ? "(无)" : escalation.getEscalationCode();
                        found.add(new Violation(e.getKey(), t.getId(), "ESCALATION_CATCHER",
                                "升级事件 " + code + " 没有任何边界事件或事件子流程接收",
                                "no boundary event or event sub-process catches escalation " + code));
                    }
                }
            }
        }
    }

    /** Forms parse, are named after their id, and have unique field keys; returns the keys of each form by id. */
    private Map<String, Set<String>> forms(ModelFiles files, List<Violation> found) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        files.ofType(ModelFiles.FORM).forEach((file, content) -> {
            JsonNode form;
            try {
                form = json.readTree(content);
            } catch (IOException e) {
                found.add(new Violation(file, "", "PARSE", "表单不是有效的 JSON：" + e.getMessage(),
                        "the form is not valid JSON: " + e.getMessage()));
                return;
            }
            String id = form.path("id").asText("");
            if (!file.equals(id + ModelFiles.FORM)) {
                found.add(new Violation(file, id, "FORM", "表单文件名须为其 id 加 .form（id 为 " + id + "）",
                        "the form's file name must be its id plus .form (id is " + id + ")"));
            }
            if (!form.path("components").isArray()) {
                found.add(new Violation(file, id, "FORM", "表单没有 components 列表", "the form has no components list"));
                return;
            }
            Set<String> seen = new LinkedHashSet<>();
            collectKeys(form.path("components"), file, seen, found);
            keys.put(id, seen);
        });
        return keys;
    }

    private void collectKeys(JsonNode components, String file, Set<String> seen, List<Violation> found) {
        for (JsonNode c : components) {
            // a dynamic list or group with a path submits its items under that name, like a field key
            String key = c.hasNonNull("key") ? c.path("key").asText() : c.path("path").asText(null);
            if (key != null && !seen.add(key)) {
                found.add(new Violation(file, key, "FORM", "字段 key " + key + " 出现两次", "field key " + key + " appears twice"));
            }
            // the Tasklist shows a refusal under the field whose id is Field_<key> (field-errors.js)
            if (c.hasNonNull("key") && !("Field_" + key).equals(c.path("id").asText())) {
                found.add(new Violation(file, key, "FORM", "字段 " + key + " 的 id 须为 Field_" + key + "，否则办结被拒时无法在该字段旁提示",
                        "field " + key + " must have the id Field_" + key + " so that a refusal can be shown next to it"));
            }
            if (c.path("components").isArray()) {
                // the fields of a group or list with a path live inside it: their keys are their own
                collectKeys(c.path("components"), file, c.hasNonNull("path") ? new LinkedHashSet<>() : seen, found);
            }
        }
    }
}
