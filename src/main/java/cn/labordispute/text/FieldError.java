package cn.labordispute.text;

/**
 * One bad field: its path in the request (e.g. workers[0].idNumber) and what is wrong, in Chinese ({@code message})
 * and English ({@code messageEn}); a page shows the one its reader reads.
 */
public record FieldError(String field, String message, String messageEn) {

    /** The request attribute under which a task form's refusal is kept for the answer (TaskInput, TaskConflicts). */
    public static final String REFUSED = FieldError.class.getName() + ".refused";

    /** Message {@code key} of the bundles, in both languages. */
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, Texts.zh(key, args), Texts.en(key, args));
    }
}
