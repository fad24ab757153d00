package cn.labordispute.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The message bundles: every message in both languages, and each one readable as it is formatted. */
class TextsTests {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = TextsTests.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyMessageHasBothLanguages() throws IOException {
        Properties zh = bundle("messages");
        Properties en = bundle("messages_en");
        assertThat(en.stringPropertyNames()).as("keys with no English").containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).as("keys with no Chinese").containsAll(en.stringPropertyNames());
    }

    @Test
    void formattedMessagesKeepTheirApostrophesAndShowNoPlaceholder() throws IOException {
        Properties en = bundle("messages_en");
        Object[] args = {1, 2, 3, 4};
        for (String key : en.stringPropertyNames()) {
            String text = Texts.en(key, args);
            assertThat(text).as(key).doesNotContain("{0}", "{1}", "{2}");
            if (en.getProperty(key).contains("'")) {
                assertThat(text).as(key + ": an apostrophe is written twice in the bundle").contains("'");
            }
        }
        Properties zh = bundle("messages");
        for (String key : zh.stringPropertyNames()) {
            assertThat(Texts.zh(key, args)).as(key).doesNotContain("{0}", "{1}", "{2}").doesNotContain("'");
        }
    }

    @Test
    void datesAreWrittenAsTheReaderWritesThem() {
        LocalDate day = LocalDate.of(2026, 12, 9);
        assertThat(Texts.zh("task.extension.mediation", day)).contains("2026年12月9日").doesNotContain("2026-12-09");
        assertThat(Texts.en("task.extension.mediation", day)).contains("9 Dec 2026");
        Object[] localised = Texts.localised(new Object[] {LocalDateTime.of(2026, 12, 9, 10, 0), null}, Locale.CHINESE);
        assertThat(localised).containsExactly("2026年12月9日 10:00", "");
    }
}
