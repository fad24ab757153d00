package cn.labordispute.intake;

import cn.labordispute.text.Texts;

/**
 * One bad field: its path in the request (e.g. workers[0].idNumber) and what is wrong, in Chinese ({@code message})
 * and English ({@code messageEn}); a page shows the one its reader reads.
 */
public record FieldError(String field, String message, String messageEn) {

    /** Message {@code key} of the bundles, in both languages. */
    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, Texts.zh(key, args), Texts.en(key, args));
    }

    /** A message given as "中文 / English" (older code not yet on the bundles): split into its two halves. */
    public FieldError(String field, String both) {
        this(field, half(both, 0), half(both, 1));
    }

    private static String half(String both, int which) {
        int at = both.indexOf(" / ");
        if (at < 0) {
            return both;
        }
        return which == 0 ? both.substring(0, at) : both.substring(at + 3);
    }
}
