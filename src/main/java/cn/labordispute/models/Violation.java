package cn.labordispute.models;

/**
 * A broken rule: the file, the element (a BPMN/DMN id, a form field key, or a table line), the rule's code, and what
 * to change, in Chinese and English.
 */
public record Violation(String file, String element, String rule, String zh, String en) {

    public String message() {
        return file + (element == null || element.isEmpty() ? "" : " " + element) + " [" + rule + "]: " + zh + " / " + en;
    }

    @Override
    public String toString() {
        return message();
    }
}
