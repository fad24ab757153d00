package cn.labordispute.intake;

import java.util.List;

/** An application that failed validation; nothing was stored. */
public class InvalidApplicationException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidApplicationException(List<FieldError> errors) {
        super("申请信息有误 / invalid application: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
