package cn.labordispute.models;

import cn.labordispute.policy.PolicyTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.ByteArrayResource;

/**
 * What a change does, in words a policy editor reads: steps and events added, removed or renamed; due dates,
 * candidate groups, forms, timers, conditions and called processes changed; decision rules added, removed or
 * changed; form fields added or removed; table rows added, removed or changed.
 */
final class ModelDiff {

    /** One difference. kind: ADDED, REMOVED, RENAMED, CHANGED. */
    record Change(String file, String element, String kind, String what, String before, String after) {
    }

    private ModelDiff() {
    }

    static List<Change> diff(String file, byte[] before, byte[] after) {
        if (file.endsWith(ModelFiles.BPMN)) {
            return bpmn(file, before, after);
        }
        if (file.endsWith(ModelFiles.DMN)) {
            return dmn(file, before, after);
        }
        if (file.endsWith(ModelFiles.FORM)) {
            return form(file, before, after);
        }
        return table(file, before, after);
    }

    private static List<Change> bpmn(String file, byte[] before, byte[] after) {
        Map<String, FlowNode> old = before == null ? Map.of() : byId(Bpmn.readModelFromStream(new ByteArrayInputStream(before)));
        BpmnModelInstance newModel = Bpmn.readModelFromStream(new ByteArrayInputStream(after));
        Map<String, FlowNode> now = byId(newModel);
        List<Change> changes = new ArrayList<>();
        now.forEach((id, n) -> {
            FlowNode o = old.get(id);
            if (o == null) {
                changes.add(new Change(file, id, "ADDED", "新增" + type(n), null, n.getName()));
                return;
            }
            if (!Objects.equals(o.getName(), n.getName())) {
                changes.add(new Change(file, id, "RENAMED", "改名", o.getName(), n.getName()));
            }
            if (o instanceof UserTask ot && n instanceof UserTask nt) {
                compare(changes, file, id, "办理期限", ot.getCamundaDueDate(), nt.getCamundaDueDate());
                compare(changes, file, id, "候选组", ot.getCamundaCandidateGroups(), nt.getCamundaCandidateGroups());
                compare(changes, file, id, "表单", ot.getCamundaFormRef(), nt.getCamundaFormRef());
            }
            if (o instanceof CallActivity oc && n instanceof CallActivity nc) {
                compare(changes, file, id, "调用的流程", oc.getCalledElement(), nc.getCalledElement());
            }
            compare(changes, file, id, "定时器", timer(o), timer(n));
        });
        old.forEach((id, o) -> {
            if (!now.containsKey(id)) {
                changes.add(new Change(file, id, "REMOVED", "删除" + type(o), o.getName(), null));
            }
        });
        Map<String, SequenceFlow> oldFlows = before == null ? Map.of()
                : flows(Bpmn.readModelFromStream(new ByteArrayInputStream(before)));
        flows(newModel).forEach((id, f) -> {
            SequenceFlow o = oldFlows.get(id);
            String condition = condition(f);
            if (o == null) {
                changes.add(new Change(file, id, "ADDED", "新增连线 " + f.getSource().getId() + " → " + f.getTarget().getId(),
                        null, condition));
            } else {
                compare(changes, file, id, "条件", condition(o), condition);
                compare(changes, file, id, "连线目标", o.getTarget().getId(), f.getTarget().getId());
            }
        });
        return changes;
    }

    private static Map<String, FlowNode> byId(BpmnModelInstance model) {
        Map<String, FlowNode> found = new LinkedHashMap<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> found.put(n.getId(), n));
        return found;
    }

    private static Map<String, SequenceFlow> flows(BpmnModelInstance model) {
        Map<String, SequenceFlow> found = new LinkedHashMap<>();
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> found.put(f.getId(), f));
        return found;
    }

    private static String condition(SequenceFlow f) {
        return f.getConditionExpression() == null ? null : f.getConditionExpression().getTextContent().trim();
    }

    private static String timer(FlowNode n) {
        return n.getChildElementsByType(TimerEventDefinition.class).stream().findFirst().map(t -> {
            BaseElement e = t.getTimeDate() != null ? t.getTimeDate() : t.getTimeDuration() != null ? t.getTimeDuration() : t.getTimeCycle();
            return e == null ? null : e.getTextContent().trim();
        }).orElse(null);
    }

    private static String type(FlowNode n) {
        String type = n.getElementType().getTypeName();
        return switch (type) {
            case "userTask" -> "人工任务";
            case "serviceTask" -> "服务任务";
            case "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway" -> "网关";
            case "callActivity" -> "调用子流程";
            case "subProcess" -> "子流程";
            case "startEvent" -> "开始事件";
            case "endEvent" -> "结束事件";
            case "boundaryEvent" -> "边界事件";
            default -> "环节";
        } + "（" + type + "）";
    }

    private static List<Change> dmn(String file, byte[] before, byte[] after) {
        Map<String, String> old = before == null ? Map.of() : rules(Dmn.readModelFromStream(new ByteArrayInputStream(before)));
        Map<String, String> now = rules(Dmn.readModelFromStream(new ByteArrayInputStream(after)));
        return keyed(file, old, now, "规则");
    }

    private static Map<String, String> rules(DmnModelInstance model) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Rule r : model.getModelElementsByType(Rule.class)) {
            List<String> cells = new ArrayList<>();
            r.getInputEntries().forEach(e -> cells.add(blankAsAny(e.getTextContent())));
            cells.add("→");
            r.getOutputEntries().forEach(e -> cells.add(e.getTextContent().trim()));
            found.put(r.getId(), String.join(" | ", cells));
        }
        return found;
    }

    private static String blankAsAny(String text) {
        return text == null || text.isBlank() ? "-" : text.trim();
    }

    /** Fields added or removed by key; a field's label or required flag, a text's words, changed. */
    private static List<Change> form(String file, byte[] before, byte[] after) {
        Map<String, JsonNode> old = before == null ? Map.of() : components(before);
        Map<String, JsonNode> now = components(after);
        List<Change> changes = new ArrayList<>();
        now.forEach((id, c) -> {
            JsonNode o = old.get(id);
            boolean field = c.hasNonNull("key");
            if (o == null) {
                if (field) {
                    changes.add(new Change(file, id, "ADDED", "新增字段", null, c.path("label").asText(id)));
                }
                return;
            }
            compare(changes, file, id, field ? "字段标签" : "说明文字", text(o, field ? "label" : "text"), text(c, field ? "label" : "text"));
            compare(changes, file, id, "必填", o.path("validate").path("required").asBoolean(false) ? "是" : "否",
                    c.path("validate").path("required").asBoolean(false) ? "是" : "否");
        });
        old.forEach((id, o) -> {
            if (!now.containsKey(id) && o.hasNonNull("key")) {
                changes.add(new Change(file, id, "REMOVED", "删除字段", o.path("label").asText(id), null));
            }
        });
        if (changes.isEmpty() && before != null) {
            changes.add(new Change(file, "", "CHANGED", "表单布局有改动", null, null));
        }
        return changes;
    }

    private static String text(JsonNode component, String property) {
        return component.hasNonNull(property) ? component.get(property).asText() : null;
    }

    /** A form's components by key (fields) or id (texts, groups), nested ones included. */
    private static Map<String, JsonNode> components(byte[] form) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        try {
            collect(new ObjectMapper().readTree(form).path("components"), found);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return found;
    }

    private static void collect(JsonNode components, Map<String, JsonNode> found) {
        for (JsonNode c : components) {
            String name = c.hasNonNull("key") ? c.get("key").asText() : c.path("id").asText("");
            if (!name.isEmpty()) {
                found.put(name, c);
            }
            collect(c.path("components"), found);
        }
    }

    /** A table's rows by their first column (a period's name, a holiday's date). */
    private static List<Change> table(String file, byte[] before, byte[] after) {
        var layout = TableLayouts.of(file);
        if (layout.isPresent() && before != null) { // in words, as the table's grid shows it
            return TableEdits.changes(layout.get(), TableLayouts.words(layout.get(), before), TableLayouts.words(layout.get(), after))
                    .stream().map(c -> new Change(file, c.key(), c.kind(), c.sentence(), null, null)).toList();
        }
        Map<String, String> old = before == null ? Map.of() : rowsInOrder(before, file);
        Map<String, String> now = rowsInOrder(after, file);
        return keyed(file, old, now, "行");
    }

    private static Map<String, String> rowsInOrder(byte[] content, String file) {
        String header = firstColumn(content);
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith(header + ",")) {
                continue;
            }
            found.put(line.split(",", 2)[0].trim(), line.trim());
        }
        PolicyTable.read(new ByteArrayResource(content, file)); // the same reading as everywhere else: fails on a bad row
        return found;
    }

    private static String firstColumn(byte[] content) {
        for (String line : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line.split(",", 2)[0].trim();
            }
        }
        return "";
    }

    private static List<Change> keyed(String file, Map<String, String> old, Map<String, String> now, String noun) {
        List<Change> changes = new ArrayList<>();
        now.forEach((key, value) -> {
            String o = old.get(key);
            if (o == null) {
                changes.add(new Change(file, key, "ADDED", "新增" + noun, null, value));
            } else if (!o.equals(value)) {
                changes.add(new Change(file, key, "CHANGED", "修改" + noun, o, value));
            }
        });
        old.forEach((key, value) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(file, key, "REMOVED", "删除" + noun, value, null));
            }
        });
        return changes;
    }

    private static void compare(List<Change> changes, String file, String id, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(file, id, "CHANGED", what, before, after));
        }
    }
}
