package cn.labordispute.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The Tasklist's Chinese strings cover every label of the Camunda webjar's English ones, placeholders intact. */
class TasklistChineseTests {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}");

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = new ClassPathResource(LOCALES + name).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }

    @Test
    void everyEnglishLabelHasAChineseOneWithTheSamePlaceholders() throws IOException {
        JsonNode en = read("en.json").get("labels");
        JsonNode zh = read("zh.json").get("labels");
        List<String> problems = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            if (!zh.has(key)) {
                problems.add(key + " has no Chinese label");
            } else if (!placeholders(en.get(key).asText()).equals(placeholders(zh.get(key).asText()))) {
                problems.add(key + " changes its placeholders");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(zh.get("CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(read("zh.json").get("dateLocales").get("weekdays").get(1).asText()).isEqualTo("星期一");
    }

    @Test
    void chineseIsTheDefaultAndEnglishStaysAvailable() throws IOException {
        String config = new ClassPathResource("META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        names.sort(String::compareTo);
        return names;
    }
}
