package cn.labordispute.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The diagram tells the same story as the model (rule DIAGRAM): a sequence flow is not drawn through a shape that is
 * neither its source nor its target (nor a boundary event on one of them, nor a sub-process that contains it), and a
 * label does not cover a shape or another label. A reader who follows the lines must see the flow the engine runs.
 * Shapes and labels may touch at their borders ({@link #MARGIN} pixels).
 */
final class DiagramCheck {

    static final String RULE = "DIAGRAM";

    /** How far a line or a label may reach into a shape's border before it counts as running through it. */
    private static final double MARGIN = 2;

    private record Box(double x, double y, double width, double height) {

        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width - MARGIN && o.x < x + width - MARGIN
                    && y < o.y + o.height - MARGIN && o.y < y + height - MARGIN;
        }

        /** Whether the segment from (x0, y0) to (x1, y1) enters the box's inside (Liang–Barsky clipping). */
        boolean crossedBy(double x0, double y0, double x1, double y1) {
            double left = x + MARGIN, right = x + width - MARGIN, top = y + MARGIN, bottom = y + height - MARGIN;
            if (left >= right || top >= bottom) {
                return false;
            }
            double dx = x1 - x0, dy = y1 - y0;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x0 - left, right - x0, y0 - top, bottom - y0};
            double enter = 0, leave = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] <= 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        enter = Math.max(enter, t);
                    } else {
                        leave = Math.min(leave, t);
                    }
                }
            }
            return enter < leave;
        }
    }

    private DiagramCheck() {
    }

    static List<Violation> check(String file, BpmnModelInstance model) {
        List<Violation> found = new ArrayList<>();
        Map<String, Box> shapes = new LinkedHashMap<>();
        Map<String, Box> labels = new LinkedHashMap<>();
        Map<String, BaseElement> elements = new LinkedHashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if (element == null || shape.getBounds() == null) {
                continue;
            }
            shapes.put(element.getId(), Box.of(shape.getBounds()));
            elements.put(element.getId(), element);
            label(shape.getBpmnLabel()).ifPresent(b -> labels.put(element.getId(), b));
        }
        Map<String, List<String>> boundaries = new LinkedHashMap<>(); // a task's boundary events, by the task
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            if (boundary.getAttachedTo() != null) {
                boundaries.computeIfAbsent(boundary.getAttachedTo().getId(), k -> new ArrayList<>()).add(boundary.getId());
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            BaseElement element = edge.getBpmnElement();
            if (element == null) {
                continue;
            }
            elements.put(element.getId(), element);
            label(edge.getBpmnLabel()).ifPresent(b -> labels.put(element.getId(), b));
            if (element instanceof SequenceFlow flow) {
                throughShapes(file, flow, edge, shapes, elements, boundaries, found);
            }
        }
        List<String> labelled = new ArrayList<>(labels.keySet());
        for (int i = 0; i < labelled.size(); i++) {
            String id = labelled.get(i);
            Box label = labels.get(id);
            for (Map.Entry<String, Box> shape : shapes.entrySet()) {
                if (!shape.getKey().equals(id) && !contains(elements.get(shape.getKey()), elements.get(id))
                        && label.overlaps(shape.getValue())) {
                    found.add(new Violation(file, id, RULE,
                            "“" + name(elements.get(id)) + "”的文字标签盖住了“" + name(elements.get(shape.getKey())) + "”（"
                                    + shape.getKey() + "）：请移开标签",
                            "the label of " + id + " covers " + shape.getKey() + ": move the label"));
                }
            }
            for (int j = i + 1; j < labelled.size(); j++) {
                String other = labelled.get(j);
                if (label.overlaps(labels.get(other))) {
                    found.add(new Violation(file, id, RULE,
                            "“" + name(elements.get(id)) + "”的文字标签与“" + name(elements.get(other)) + "”（" + other
                                    + "）的标签重叠：请移开其中一个",
                            "the label of " + id + " overlaps the label of " + other + ": move one of them"));
                }
            }
        }
        return found;
    }

    private static void throughShapes(String file, SequenceFlow flow, BpmnEdge edge, Map<String, Box> shapes,
            Map<String, BaseElement> elements, Map<String, List<String>> boundaries, List<Violation> found) {
        FlowNode source = flow.getSource();
        FlowNode target = flow.getTarget();
        Set<String> ends = new HashSet<>();
        for (FlowNode end : new FlowNode[] {source, target}) {
            if (end == null) {
                continue;
            }
            ends.add(end.getId());
            if (end instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
                ends.add(boundary.getAttachedTo().getId()); // a flow leaving a timer on a task starts inside its border
            }
        }
        for (String end : List.copyOf(ends)) {
            ends.addAll(boundaries.getOrDefault(end, List.of())); // an end's boundary events sit on its border, where the line meets it
        }
        List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
        shapes.forEach((id, box) -> {
            BaseElement shape = elements.get(id);
            if (ends.contains(id) || contains(shape, source) || contains(shape, target)) {
                return;
            }
            for (int i = 0; i + 1 < points.size(); i++) {
                Waypoint a = points.get(i), b = points.get(i + 1);
                if (box.crossedBy(a.getX(), a.getY(), b.getX(), b.getY())) {
                    found.add(new Violation(file, flow.getId(), RULE,
                            "连线“" + name(flow) + "”（" + flow.getId() + "）穿过了“" + name(shape) + "”（" + id
                                    + "），读图的人会以为它经过那一步：请绕开它画",
                            "the flow " + flow.getId() + " is drawn through " + id
                                    + ", so a reader would think it passes there: route it around the shape"));
                    return;
                }
            }
        });
    }

    private static Optional<Box> label(BpmnLabel label) {
        return label == null || label.getBounds() == null ? Optional.empty()
                : Optional.of(Box.of(label.getBounds()));
    }

    /** Whether a shape's element (a sub-process, a participant) holds the other element inside it. */
    private static boolean contains(BaseElement container, BaseElement element) {
        if (container == null || element == null) {
            return false;
        }
        for (ModelElementInstance e = element.getParentElement(); e != null; e = e.getParentElement()) {
            if (e == container) {
                return true;
            }
        }
        return false;
    }

    private static String name(BaseElement element) {
        if (element == null) {
            return "";
        }
        String name = element.getAttributeValue("name");
        return name == null || name.isBlank() ? element.getId() : name;
    }
}
