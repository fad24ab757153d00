package cn.labordispute.text;

import cn.labordispute.calendar.Times;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words people read in the staff pages' and the API's answers, from the message bundles
 * {@code i18n/messages.properties} (Chinese) and {@code i18n/messages_en.properties} (English, for the API and the
 * party portal's English pages) — never from literals in the code. Arguments follow {@link java.text.MessageFormat};
 * dates and times among them are written as the reader writes them ({@link #localised}).
 */
public final class Texts {

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasenames("i18n/messages");
        BUNDLE.setDefaultEncoding("UTF-8");
        BUNDLE.setFallbackToSystemLocale(false);
        BUNDLE.setAlwaysUseMessageFormat(true);
    }

    private Texts() {
    }

    /** The message in Chinese. */
    public static String zh(String key, Object... args) {
        return BUNDLE.getMessage(key, localised(args, Locale.CHINESE), Locale.CHINESE);
    }

    /** The message in Chinese, or {@code fallback} where the bundles have no such key (e.g. a word for a code). */
    public static String zhOr(String key, String fallback) {
        return BUNDLE.getMessage(key, null, fallback, Locale.CHINESE);
    }

    /** The message in English, or {@code fallback} where the bundles have no such key. */
    public static String enOr(String key, String fallback) {
        return BUNDLE.getMessage(key, null, fallback, Locale.ENGLISH);
    }

    /** The message in the reader's language: English when {@code english}, Chinese otherwise. */
    public static String of(boolean english, String key, Object... args) {
        return english ? en(key, args) : zh(key, args);
    }

    /** The message in English. */
    public static String en(String key, Object... args) {
        return BUNDLE.getMessage(key, localised(args, Locale.ENGLISH), Locale.ENGLISH);
    }

    /** An answer's body: {@code message} in Chinese and {@code messageEn} in English. */
    public static java.util.Map<String, Object> message(String key, Object... args) {
        return java.util.Map.of("message", zh(key, args), "messageEn", en(key, args));
    }

    /**
     * Dates and times as the reader writes them — 2026年12月9日 10:00, or 9 Dec 2026 10:00 — never an ISO string;
     * a missing value prints as nothing.
     */
    public static Object[] localised(Object[] args, Locale locale) {
        Object[] out = args.clone();
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDateTime t) {
                out[i] = english ? Times.INSTANCE.dateTimeEn(t) : Times.INSTANCE.dateTime(t);
            } else if (out[i] instanceof LocalDate d) {
                out[i] = english ? Times.INSTANCE.dateEn(d) : Times.INSTANCE.date(d);
            } else if (out[i] == null) {
                out[i] = "";
            }
        }
        return out;
    }
}
