package cn.labordispute.text;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words people read in the staff pages' and the API's answers, from the message bundles
 * {@code i18n/messages.properties} (Chinese) and {@code i18n/messages_en.properties} (English, for the API and the
 * party portal's English pages) — never from literals in the code. Arguments follow {@link java.text.MessageFormat}.
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
        return BUNDLE.getMessage(key, args, Locale.CHINESE);
    }

    /** The message in English. */
    public static String en(String key, Object... args) {
        return BUNDLE.getMessage(key, args, Locale.ENGLISH);
    }
}
