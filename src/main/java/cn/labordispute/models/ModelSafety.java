package cn.labordispute.models;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may run: no code of its own. Expressions may call only the components registered here
 * ({@link #COMPONENTS}) and read or set variables through {@code execution} and {@code task}; no reflection
 * ({@code getClass}, {@code forName}, {@code class}), no dynamic property names, no scripts, no connectors, no
 * {@code camunda:class} outside the project, no FEEL function that reaches Java. The engine runs this check on every
 * new deployment, whatever path it comes by; the policy page shows its findings as violations (rule CODE).
 */
public final class ModelSafety {

    /** The components a model may call by name, with what each does (shown to policy staff). */
    public static final Map<String, String> COMPONENTS = components();
    static final String PROJECT_PACKAGE = "cn.labordispute.";
    private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
    /** What an expression may call on {@code execution} and {@code task}: their variables and ids. */
    public static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
            "getVariables", "getVariablesLocal",
            "setVariable", "setVariableLocal", "hasVariable", "hasVariableLocal", "removeVariable",
            "removeVariableLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey", "getBusinessKey",
            "getActivityId", "getCurrentActivityId", "getCurrentActivityName", "getEventName", "getTenantId",
            "getAssignee", "getOwner", "getName", "getTaskDefinitionKey", "getProcessDefinitionId", "getDueDate",
            "getPriority", "getCreateTime");
    private static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "activityId", "currentActivityId", "currentActivityName", "eventName", "tenantId",
            "assignee", "owner", "name", "taskDefinitionKey", "processDefinitionId", "dueDate", "priority",
            "createTime", "variables", "variablesLocal");
    /** Names that lead from any object to classes, class loaders or the engine itself. */
    public static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "forName", "classLoader",
            "getClassLoader", "loadClass", "declaringClass", "getDeclaringClass", "module", "getModule", "newInstance",
            "invoke", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
            "getField", "getConstructor", "getDeclaredConstructor", "exec", "getRuntime", "runtime", "processEngine",
            "getProcessEngine", "processEngineServices", "getProcessEngineServices", "processEngineConfiguration",
            "getProcessEngineConfiguration", "applicationContext", "getApplicationContext", "beanFactory",
            "wait", "notify", "notifyAll", "finalize");
    /** What an expression may do with a value (text, number, date, list): the runtime guard checks the value is one. */
    static final Set<String> VALUE_METHODS = new java.util.TreeSet<>(Set.of("concat", "toString", "substring", "length",
            "size", "isEmpty", "contains", "containsKey", "get", "startsWith", "endsWith", "equals", "trim", "replace",
            "toUpperCase", "toLowerCase", "compareTo", "isBefore", "isAfter", "plusDays", "minusDays", "toDate",
            "indexOf", "intValue", "longValue"));
    private static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
    private static final Set<String> RESOURCE_TYPES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form",
            ".png", ".svg", ".csv");

    private final Map<String, Class<?>> componentTypes;

    /** @param componentTypes the class of each registered component, where known (then methods are checked too) */
    public ModelSafety(Map<String, Class<?>> componentTypes) {
        this.componentTypes = componentTypes;
    }

    public ModelSafety() {
        this(Map.of());
    }

    private static Map<String, String> components() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("deadlines", "法定期限：按期限表计算办理期限");
        c.put("documents", "文书：制作并存档案件文书");
        c.put("caseStages", "案件阶段：进入阶段、结案、记事");
        c.put("caseReopening", "回访发现新争议时立新案");
        c.put("riskLedger", "风险台账");
        c.put("healthChecks", "法治体检");
        c.put("subsidies", "以案定补");
        c.put("finalAward", "终局裁决判断");
        c.put("followUpVisits", "回访对象（每名劳动者）");
        c.put("paymentSchedule", "分期履行日程");
        c.put("hearingSchedule", "开庭安排检查");
        c.put("assignMediator", "指派调解员");
        c.put("videoMeeting", "开设视频调解会议室");
        c.put("collectiveWorkers", "集体争议的劳动者与代表");
        c.put("claimRestatement", "明确请求事项");
        c.put("extendMediationLimit", "延长调解期限");
        c.put("extendAwardLimit", "延长裁决期限");
        c.put("partialAwardCheck", "先行裁决条件检查");
        c.put("awardPeriod", "裁决期限重新起算");
        c.put("awardChallengeCheck", "裁决后起诉或撤销申请的检查");
        c.put("admissibilityCheck", "仲裁受理审查");
        c.put("deadlineMonitor", "期限巡查");
        return Map.copyOf(c);
    }

    /** Every finding in one deployment resource, each naming the file and the element. */
    public List<Violation> check(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (RESOURCE_TYPES.stream().noneMatch(lower::endsWith)) {
            return List.of(violation(file, "", "不能部署这种文件（只接受 BPMN、DMN、表单和表格）",
                    "this kind of file cannot be deployed (BPMN, DMN, forms and tables only)"));
        }
        if (!(lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml") || lower.endsWith(".dmn")
                || lower.endsWith(".dmn11.xml"))) {
            return List.of();
        }
        Document xml;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception unreadable) {
            return List.of(); // the parse rules report a file that is not XML
        }
        List<Violation> found = new ArrayList<>();
        walk(file, xml.getDocumentElement(), "", lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml"), found);
        return found;
    }

    private void walk(String file, Element element, String owner, boolean dmn, List<Violation> found) {
        String name = element.getLocalName();
        if ("documentation".equals(name) || "BPMNDiagram".equals(name) || "DMNDI".equals(name)) {
            return;
        }
        String id = element.getAttribute("id");
        String where = id.isEmpty() ? owner : id;
        if ("scriptTask".equals(name) || "script".equals(name)) {
            found.add(violation(file, where, "模型中不能有脚本（" + name + "）：请改用登记的组件",
                    "models may not contain scripts (" + name + "): use a registered component"));
        }
        if ("connector".equals(name)) {
            found.add(violation(file, where, "模型中不能使用连接器（camunda:connector）", "models may not use connectors"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String attr = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if ("class".equals(attr) && !a.getValue().startsWith(PROJECT_PACKAGE)) {
                found.add(violation(file, where, "camunda:class 只能是本系统的类，不能是 " + a.getValue(),
                        "camunda:class must be a class of this system, not " + a.getValue()));
            } else if (("language".equals(attr) || "scriptFormat".equals(attr)) && !a.getValue().isBlank()) {
                found.add(violation(file, where, "不能用脚本语言（" + a.getValue() + "）写条件或表达式",
                        "conditions and expressions may not be scripts (" + a.getValue() + ")"));
            } else if (dmn && "expressionLanguage".equals(attr) && !isFeelOrJuel(a.getValue())) {
                found.add(violation(file, where, "决策表只能用 FEEL 或 JUEL，不能用 " + a.getValue(),
                        "decision tables may use FEEL or JUEL only, not " + a.getValue()));
            } else {
                expressions(file, where, a.getValue(), found);
            }
        }
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node child = children.item(i);
            if (child instanceof Element e) {
                walk(file, e, where, dmn, found);
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!text.isEmpty()) {
            expressions(file, where, text.toString(), found);
            if (dmn && Pattern.compile("\\bexternal\\b|\\bjava\\s*:").matcher(text).find()) {
                found.add(violation(file, where, "决策表中不能定义调用 Java 的函数（external）",
                        "decision tables may not define functions that call Java (external)"));
            }
        }
    }

    private static boolean isFeelOrJuel(String language) {
        String l = language.toLowerCase(Locale.ROOT);
        return l.isBlank() || l.equals("feel") || l.equals("juel") || l.contains("feel");
    }

    private void expressions(String file, String where, String value, List<Violation> found) {
        Matcher m = EXPRESSION.matcher(value);
        if (!m.find()) {
            return;
        }
        Tree tree;
        try {
            tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(value);
        } catch (TreeBuilderException bad) {
            found.add(violation(file, where, "表达式写法有误：" + value, "the expression does not parse: " + value));
            return;
        }
        List<String> problems = new ArrayList<>();
        check((Node) tree.getRoot(), problems);
        for (String p : problems) {
            found.add(violation(file, where, "表达式 " + value.trim() + " 不被允许：" + p,
                    "the expression " + value.trim() + " is not allowed: " + p));
        }
    }

    /** Collects what is wrong with one expression node and its children. */
    void check(Node node, List<String> problems) {
        if (node instanceof AstMethod method) {
            Node property = method.getChild(0);
            String name = propertyName(property, problems);
            Node base = property.getChild(0);
            if (name != null) {
                callable(base, name, problems);
            }
            if (!(base instanceof AstIdentifier)) {
                check(base, problems);
            }
            check(method.getChild(1), problems);
            return;
        }
        if (node instanceof AstDot || node instanceof AstBracket) {
            String name = propertyName(node, problems);
            Node base = node.getChild(0);
            if (name != null && FORBIDDEN_NAMES.contains(name)) {
                problems.add("不能读取 " + name + "（会接触到类或引擎本身）");
            } else if (name != null && base instanceof AstIdentifier id && CONTEXT_OBJECTS.contains(id.getName())
                    && !CONTEXT_PROPERTIES.contains(name)) {
                problems.add(id.getName() + " 只能读取变量和编号，不能读取 " + name);
            }
            check(base, problems);
            return;
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            problems.add("不能调用函数 " + function.getName());
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), problems);
        }
    }

    private void callable(Node base, String method, List<String> problems) {
        if (FORBIDDEN_NAMES.contains(method)) {
            problems.add("不能调用 " + method + "（反射或引擎内部）");
            return;
        }
        String name = base instanceof AstIdentifier id ? id.getName() : null;
        if (name != null && CONTEXT_OBJECTS.contains(name)) {
            if (!CONTEXT_METHODS.contains(method)) {
                problems.add(name + "." + method + " 不被允许（只能读写变量、读取编号）");
            }
        } else if (name != null && COMPONENTS.containsKey(name)) {
            if (componentTypes.containsKey(name) && !publicMethod(componentTypes.get(name), method)) {
                problems.add("组件 " + name + " 没有公开方法 " + method);
            }
        } else if (!VALUE_METHODS.contains(method)) {
            problems.add((name == null ? "" : name + " 不是登记的组件，") + "不能调用方法 " + method
                    + "；可调用的是登记组件（" + String.join("、", COMPONENTS.keySet())
                    + "）、execution 与 task 的变量方法，以及文字和数字的常用方法（" + String.join("、", VALUE_METHODS) + "）");
        }
    }

    /** A public method the project declares on the component (not one inherited from Object or a framework class). */
    static boolean publicMethod(Class<?> type, String method) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(method) && Modifier.isPublic(m.getModifiers())
                    && m.getDeclaringClass().getName().startsWith(PROJECT_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    private static String propertyName(Node property, List<String> problems) {
        if (property instanceof AstDot dot) {
            return dot.toString().substring(2);
        }
        if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
            return String.valueOf(literal.eval(null, null));
        }
        problems.add("属性名必须直接写出，不能计算得出");
        return null;
    }

    private static Violation violation(String file, String element, String zh, String en) {
        return new Violation(file, element, "CODE", zh, en);
    }

    /** One line per finding, for the engine's refusal. */
    public static String describe(List<Violation> violations) {
        StringBuilder s = new StringBuilder("部署被拒绝：模型中有不允许运行的内容。");
        for (Violation v : violations) {
            s.append("\n").append(v.file()).append(v.element().isEmpty() ? "" : "（" + v.element() + "）").append("：")
                    .append(v.zh());
        }
        return s.toString();
    }
}
