package cn.labordispute.models;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * A decision table as the policy officer edits it in the browser, before it is deployed: the model check on that
 * one table (the engine's parse, the code rule, gaps and overlaps, each naming its rule), the inputs the table asks
 * for (with the words for the codes its rules test), and a trial: the draft evaluated by the engine's own DMN engine
 * on the inputs typed in. A draft that would run code is never evaluated.
 */
@Service
public class DecisionTrials {

    private static final Pattern STRING = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    /** A code the rules test, and its word (the code itself where the bundles have none). */
    public record Choice(String code, String word) {
    }

    public record Field(String variable, String label, String type, List<Choice> choices) {
    }

    public record Column(String name, String label) {
    }

    /** What the trial box asks for and what it shows. */
    public record Form(String decisionId, String decisionName, List<Field> inputs, List<Column> outputs) {
    }

    /** The matched rules' outputs in words, with the rule's place in the table (1 = the first rule). */
    public record Trial(List<Map<String, Object>> results) {
    }

    private final ProcessEngineConfigurationImpl engine;

    public DecisionTrials(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** The model check of one decision file: code, the engine's parse, then gaps and overlaps. */
    public List<Violation> check(String file, byte[] xml) {
        List<Violation> found = new ArrayList<>(new ModelSafety().check(file, xml));
        if (!found.isEmpty()) {
            return found;
        }
        found.addAll(new EngineParse(engine).dmn(file, xml));
        if (found.isEmpty()) {
            found.addAll(DecisionTableCheck.check(file, xml));
        }
        return found;
    }

    public Form form(String file, byte[] xml) {
        Decision decision = decision(file, xml);
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<Field> inputs = new ArrayList<>();
        List<Input> columns = new ArrayList<>(table.getInputs());
        for (int i = 0; i < columns.size(); i++) {
            Input input = columns.get(i);
            String type = input.getInputExpression().getTypeRef();
            Set<String> codes = new LinkedHashSet<>();
            for (Rule rule : table.getRules()) {
                InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(i);
                Matcher m = STRING.matcher(entry.getTextContent());
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
            List<Choice> choices = "boolean".equals(type)
                    ? List.of(new Choice("true", Texts.zh("dmn.yes")), new Choice("false", Texts.zh("dmn.no")))
                    : codes.stream().map(c -> new Choice(c, word(c))).toList();
            inputs.add(new Field(variable(input), input.getLabel(), type, choices));
        }
        List<Column> outputs = table.getOutputs().stream().map(o -> new Column(o.getName(), o.getLabel())).toList();
        return new Form(decision.getId(), decision.getName(), inputs, outputs);
    }

    /** Evaluates the draft on the typed inputs; a bad input is a 400 naming its field, a draft with code is refused. */
    public Trial evaluate(String file, byte[] xml, Map<String, String> typed) {
        List<Violation> violations = check(file, xml);
        if (!violations.isEmpty()) {
            throw new PolicyChangeRejected(violations);
        }
        Decision model = decision(file, xml);
        DecisionTable table = (DecisionTable) model.getExpression();
        VariableMap variables = Variables.createVariables();
        List<FieldError> errors = new ArrayList<>();
        for (Input input : table.getInputs()) {
            String name = variable(input);
            String text = typed == null ? null : typed.get(name);
            text = text == null ? "" : text.trim().replace(",", "").replace("，", "");
            String type = input.getInputExpression().getTypeRef();
            try {
                variables.put(name, text.isEmpty() ? null : switch (type == null ? "string" : type) {
                    case "integer", "long" -> Long.valueOf(text);
                    case "double", "number" -> Double.valueOf(text);
                    case "boolean" -> switch (text) {
                        case "true", "是" -> Boolean.TRUE;
                        case "false", "否" -> Boolean.FALSE;
                        default -> throw new NumberFormatException(text);
                    };
                    default -> text;
                });
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("inputs." + name, "boolean".equals(type) ? "dmn.trial.boolean" : "dmn.trial.number",
                        input.getLabel(), text));
            }
        }
        if (!errors.isEmpty()) {
            throw PolicyChangeRejected.fields(errors);
        }
        DmnDecisionResult result;
        try {
            // parsed and evaluated inside a command, as a deployment would (the parse reads the engine's configuration)
            result = engine.getCommandExecutorTxRequired().execute(c -> {
                DmnDecision decision = engine.getDmnEngine().parseDecision(model.getId(), new ByteArrayInputStream(xml));
                return engine.getDmnEngine().evaluateDecision(decision, variables);
            });
        } catch (RuntimeException e) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("xml", "dmn.trial.failed", e.getMessage())));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (DmnDecisionResultEntries entries : result) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Output output : table.getOutputs()) {
                Object value = entries.get(output.getName());
                row.put(output.getLabel() == null ? output.getName() : output.getLabel(), shown(value));
            }
            results.add(row);
        }
        return new Trial(results);
    }

    private static String shown(Object value) {
        if (value == null) {
            return Texts.zh("policy.grid.empty");
        }
        if (value instanceof Boolean b) {
            return Texts.zh(b ? "dmn.yes" : "dmn.no");
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        String text = value.toString();
        String word = word(text);
        return word.equals(text) ? text : word + "（" + text + "）";
    }

    /** The name of a decision file's decision table, for a list (the file name where it cannot be read). */
    static String name(byte[] xml) {
        try {
            Decision d = decision("", xml);
            return d.getName() == null ? d.getId() : d.getName();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The word for a code the decision tables use (dmn.word.* in the bundles), or the code itself. */
    static String word(String code) {
        return Texts.zhOr("dmn.word." + code, code);
    }

    /** The variable the input column reads: its expression where that is a plain name, else its input variable. */
    private static String variable(Input input) {
        String expression = input.getInputExpression().getTextContent().trim();
        return IDENTIFIER.matcher(expression).matches() ? expression : input.getCamundaInputVariable();
    }

    private static Decision decision(String file, byte[] xml) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            throw new PolicyChangeRejected(List.of(new Violation(file, "", "PARSE", "不是有效的 DMN 文件：" + e.getMessage(),
                    "not a valid DMN file: " + e.getMessage())));
        }
        return model.getModelElementsByType(Decision.class).stream().filter(d -> d.getExpression() instanceof DecisionTable)
                .findFirst().orElseThrow(() -> PolicyChangeRejected.fields(List.of(FieldError.of("xml", "dmn.noTable", file))));
    }
}
