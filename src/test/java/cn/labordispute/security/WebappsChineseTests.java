package cn.labordispute.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.Resource;

/**
 * The Chinese strings of Tasklist, Cockpit and Admin cover every label of the Camunda webjar's English ones with
 * their placeholders intact, and Chinese is each app's default.
 */
class WebappsChineseTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}");

    private static JsonNode read(String app, String name) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + name;
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return new ObjectMapper().readTree(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void everyEnglishLabelHasAChineseOneWithTheSamePlaceholders(String app) throws IOException {
        JsonNode en = read(app, "en.json").get("labels");
        JsonNode zh = read(app, "zh.json").get("labels");
        List<String> problems = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            if (!zh.has(key)) {
                problems.add(key + " has no Chinese label");
            } else if (!placeholders(en.get(key).asText()).equals(placeholders(zh.get(key).asText()))) {
                problems.add(key + " changes its placeholders");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(read(app, "zh.json").get("dateLocales").get("weekdays").get(1).asText()).isEqualTo("星期一");
    }

    /**
     * Every label the webapps' own code refers to (keys found in the webjar's scripts and templates) reads in Chinese:
     * it differs from the English one unless that is only names and abbreviations (Camunda, BPMN, ID, …). The labels
     * left in English are those of Enterprise-only plugins and CMMN views, which no code of these webapps shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void everyLabelTheWebappShowsIsInChinese(String app) throws IOException {
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+");
        for (String pattern : List.of("classpath*:META-INF/resources/webjars/camunda/**/*.js",
                "classpath*:META-INF/resources/webjars/camunda/**/*.html", "classpath*:META-INF/resources/plugin/**/*.js")) {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                Matcher m = key.matcher(r.getContentAsString(StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        JsonNode en = read(app, "en.json").get("labels");
        JsonNode zh = read(app, "zh.json").get("labels");
        Pattern englishWord = Pattern.compile("\\b(?!(?:Camunda|BPMN|DMN|CMMN|JSON|XML|CSV|HTML|URL|UUID|LDAP)\\b)[A-Za-z]{3,}\\b");
        List<String> english = new ArrayList<>();
        en.fieldNames().forEachRemaining(k -> {
            String text = en.get(k).asText();
            if (used.contains(k) && zh.get(k).asText().equals(text) && englishWord.matcher(text.replaceAll("\\{\\{[^}]*}}", "")).find()) {
                english.add(k + ": " + text);
            }
        });
        assertThat(used).hasSizeGreaterThan(500);
        assertThat(english).isEmpty();
    }

    @Test
    void theScreensPeopleUseMostSpeakTheDomainsWords() throws IOException {
        assertThat(read("tasklist", "zh.json").get("labels").get("CLAIM_TASK").asText()).isEqualTo("认领");
        JsonNode cockpit = read("cockpit", "zh.json").get("labels");
        assertThat(cockpit.get("DASHBOARD_PROCESS_DEFINITIONS").asText()).isEqualTo("流程定义");
        assertThat(cockpit.get("PLUGIN_USER_TASKS_DUE_DATE").asText()).isEqualTo("办理期限");
        assertThat(cockpit.get("PROCESS_INSTANCE_BUSINESS_KEY").asText()).startsWith("案号");
        JsonNode admin = read("admin", "zh.json").get("labels");
        assertThat(admin.get("USERS_LIST_OF_USERS").asText()).isEqualTo("用户列表");
        assertThat(admin.get("AUTHORIZATION_AUTHORIZATIONS").asText()).isEqualTo("授权");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void chineseIsTheDefaultAndEnglishStaysAvailable(String app) throws IOException {
        String config = new ClassPathResource("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js")
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
