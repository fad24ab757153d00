package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
import java.util.List;

/** An application that failed validation; nothing was stored. */
public class InvalidApplicationException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidApplicationException(List<FieldError> errors) {
        super("invalid application: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
