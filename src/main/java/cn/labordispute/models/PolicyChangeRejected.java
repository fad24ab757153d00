package cn.labordispute.models;

import cn.labordispute.intake.FieldError;
import java.util.List;

/** A policy change that was refused and changed nothing: bad request fields, or models that break the rules. */
public class PolicyChangeRejected extends RuntimeException {

    private final List<FieldError> errors;
    private final List<Violation> violations;

    public PolicyChangeRejected(String field, String zh, String en) {
        super(zh + " / " + en);
        this.errors = List.of(new FieldError(field, zh + " / " + en));
        this.violations = List.of();
    }

    public PolicyChangeRejected(List<Violation> violations) {
        super(violations.size() + " 处违反规则，未部署 / " + violations.size() + " rule violations, nothing deployed");
        this.errors = List.of(new FieldError("files", getMessage()));
        this.violations = List.copyOf(violations);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<Violation> violations() {
        return violations;
    }
}
