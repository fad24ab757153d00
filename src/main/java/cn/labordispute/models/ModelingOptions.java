package cn.labordispute.models;

import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices the in-browser modeler offers for a user task, so that a policy officer picks words, not codes: the
 * roles (the candidate group is the role in the case's organisation), the periods of the table in force (the due
 * date is counted with the one chosen) and the forms deployed (by their titles).
 */
final class ModelingOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelingOptions() {
    }

    static Map<String, Object> of(ModelFiles deployed, StatutoryPeriods periods) {
        List<Map<String, String>> roles = new ArrayList<>();
        for (Roles role : Roles.all()) {
            roles.add(Map.of("id", role.id(), "label", role.label(), "group", role.id() + "-${organisation}"));
        }
        List<Map<String, String>> periodList = new ArrayList<>();
        periods.all().forEach(p -> periodList.add(Map.of("code", p.name(), "title", p.title(), "length", p.describe())));
        List<Map<String, String>> forms = new ArrayList<>();
        deployed.ofType(ModelFiles.FORM).forEach((file, content) -> {
            String id = file.substring(0, file.length() - ModelFiles.FORM.length());
            forms.add(Map.of("id", id, "title", title(content, id)));
        });
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("roles", roles);
        options.put("periods", periodList);
        options.put("forms", forms);
        return options;
    }

    /** A form's title: its first heading ("### 受理审查"), else its id. */
    static String title(byte[] content, String id) {
        try {
            for (JsonNode component : JSON.readTree(content).path("components")) {
                String text = component.path("text").asText("");
                if ("text".equals(component.path("type").asText()) && text.startsWith("#")) {
                    return text.replaceFirst("^#+\\s*", "").trim();
                }
            }
        } catch (IOException e) {
            // an unreadable form keeps its id; the model check reports it
        }
        return id;
    }
}
