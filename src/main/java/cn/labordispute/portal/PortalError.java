package cn.labordispute.portal;

import cn.labordispute.intake.FieldError;
import java.util.List;

/** Bad input on a portal form: the fields and what is wrong with each, in Chinese and English. Nothing was stored. */
class PortalError extends RuntimeException {

    private final List<FieldError> errors;

    PortalError(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    PortalError(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
