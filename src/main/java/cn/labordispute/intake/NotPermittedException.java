package cn.labordispute.intake;

/** The caller does not act for the organisation the request names; nothing was stored. */
public class NotPermittedException extends RuntimeException {

    private final String field;

    public NotPermittedException(String field) {
        super("not permitted: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
