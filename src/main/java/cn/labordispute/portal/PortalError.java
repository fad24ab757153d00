package cn.labordispute.portal;

import cn.labordispute.text.FieldError;
import java.util.List;

/** Bad input on a portal form: the fields and what is wrong with each, in Chinese and English. Nothing was stored. */
class PortalError extends RuntimeException {

    private final List<FieldError> errors;

    PortalError(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    /** One field, with message {@code key} of the bundles (i18n/messages, both languages). */
    static PortalError of(String field, String key, Object... args) {
        return new PortalError(List.of(FieldError.of(field, key, args)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
