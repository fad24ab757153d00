package cn.labordispute.models;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.util.List;

/** A policy change that was refused and changed nothing: bad request fields, or models that break the rules. */
public class PolicyChangeRejected extends RuntimeException {

    private final List<FieldError> errors;
    private final List<Violation> violations;

    public PolicyChangeRejected(String field, String zh, String en) {
        super(zh);
        this.errors = List.of(new FieldError(field, zh, en));
        this.violations = List.of();
    }

    public PolicyChangeRejected(List<Violation> violations) {
        super(Texts.zh("policy.violations", violations.size()));
        this.errors = List.of(FieldError.of("files", "policy.violations", violations.size()));
        this.violations = List.copyOf(violations);
    }

    /** Refused for the fields named (e.g. the cells of an edited table), the first of them as the message. */
    public static PolicyChangeRejected fields(List<FieldError> errors) {
        return new PolicyChangeRejected(errors, List.of());
    }

    private PolicyChangeRejected(List<FieldError> errors, List<Violation> violations) {
        super(errors.isEmpty() ? "" : errors.get(0).message());
        this.errors = List.copyOf(errors);
        this.violations = violations;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<Violation> violations() {
        return violations;
    }
}
