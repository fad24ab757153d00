package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.documents.DocumentKind;
import cn.labordispute.documents.Documents;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.prevention.HealthChecks;
import cn.labordispute.prevention.RiskLedger;
import cn.labordispute.prevention.RiskReport;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every mapping of the application that takes a case number, a document, evidence, a risk or a health-check id is
 * called by a member of staff of another organisation (and, for the portal's, by a browser the case was never granted
 * to) for a record of 吉首: each answers 404 and nothing else. A new endpoint that looks a case up by itself fails here.
 */
@StaffApiTest
class EveryEndpointIsolationIntegrationTests {

    /** Path variables that name a record of one organisation. */
    static final Set<String> RECORD_VARIABLES = Set.of("caseNumber", "id", "riskNumber", "checkNumber");

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    IntakeService intake;
    @Autowired
    Documents documents;
    @Autowired
    RiskLedger risks;
    @Autowired
    HealthChecks healthChecks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherOrganisationsRecordIsNotFoundOnEveryEndpoint() {
        Map<String, String> jishou = recordsOfJishou();
        List<String> walked = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        RestTemplate yuzhong = browser("wangfang", "demo");
        RestTemplate city = browser("liuyang", "demo"); // a supervisor of 渝中, not of the city
        RestTemplate anonymous = browser(null, null);
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : patterns(info)) {
                List<String> variables = variables(pattern);
                if (variables.isEmpty() || !RECORD_VARIABLES.containsAll(variables)) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String v : variables) {
                    values.put(v, v.equals("id") ? (pattern.contains("/evidence") ? jishou.get("evidence")
                            : jishou.get("document")) : jishou.get(v));
                }
                values.put("action", "withdraw");
                String path = UriComponentsBuilder.fromPath(pattern).buildAndExpand(values).encode().toUriString();
                for (RequestMethod m : methods(info)) {
                    RestTemplate as = pattern.startsWith("/portal") ? anonymous : yuzhong;
                    for (RestTemplate client : pattern.startsWith("/portal") ? List.of(as) : List.of(as, city)) {
                        int status = call(client, m, http.getRootUri() + path, pattern.startsWith("/portal"));
                        walked.add(m + " " + pattern);
                        if (status != 404) {
                            leaks.add(m + " " + path + " -> " + status);
                        }
                    }
                }
            }
        });
        System.out.println("Isolation: " + walked.stream().distinct().count() + " mappings walked, "
                + walked.size() + " calls");
        assertThat(walked.stream().distinct().count()).as("mappings walked").isGreaterThanOrEqualTo(20);
        assertThat(leaks).as("endpoints that did not answer 404 for another organisation's record").isEmpty();
    }

    /** A case with a document and evidence, a risk and a legal health check, all of 吉首. */
    private Map<String, String> recordsOfJishou() {
        Map<String, Object> application = Applications.mediation("jishou");
        String caseNumber = intake.open(new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .convertValue(application, cn.labordispute.intake.CaseApplication.class));
        long document = documents.issueApplication(caseNumber, DocumentKind.find("MEDIATION_APPLICATION").orElseThrow(),
                "lixiaoyun").id();
        long caseId = jdbc.sql("SELECT id FROM dc_case WHERE case_number = ?").param(caseNumber).query(Long.class)
                .single();
        jdbc.sql("INSERT INTO pt_evidence (case_id, file_name, content_type, size_bytes, sha256, content, stage, "
                + "uploaded_at) VALUES (?, 'pay.pdf', 'application/pdf', 4, ?, ?, 'INTAKE', ?)")
                .params(caseId, "0".repeat(64), new byte[] {'%', 'P', 'D', 'F'}, Timestamp.from(Instant.now())).update();
        long evidence = jdbc.sql("SELECT id FROM pt_evidence WHERE case_id = ?").param(caseId).query(Long.class).single();
        String risk = risks.report(new RiskReport("jishou", "吉首某建筑公司", Applications.EMPLOYER_CODE, "COMPLAINT",
                List.of("MIGRANT"), 12, new BigDecimal("120000"), false, "拖欠工资", null), "lixiaoyun");
        String check = healthChecks.request("jishou", "吉首某建筑公司", Applications.EMPLOYER_CODE, "回访中发现用工不规范",
                "lixiaoyun");
        Map<String, String> r = new LinkedHashMap<>();
        r.put("caseNumber", caseNumber);
        r.put("document", String.valueOf(document));
        r.put("evidence", String.valueOf(evidence));
        r.put("riskNumber", risk);
        r.put("checkNumber", check);
        return r;
    }

    /** Calls the endpoint; a portal POST comes from a browser session with its CSRF token but no grant of the case. */
    private int call(RestTemplate client, RequestMethod method, String address, boolean portal) {
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        if (method == RequestMethod.POST && portal) {
            ResponseEntity<String> page = client.getForEntity(http.getRootUri() + "/portal", String.class);
            var token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.getBody());
            assertThat(token.find()).isTrue();
            headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            body = "_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
        } else if (method == RequestMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = "{}";
        }
        return client.exchange(URI.create(address), HttpMethod.valueOf(method.name()), new HttpEntity<>(body, headers),
                String.class).getStatusCode().value();
    }

    private RestTemplate browser(String user, String password) {
        return Browsers.client(http.getRootUri(), user, password);
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternsCondition().getPatterns();
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> m = info.getMethodsCondition().getMethods();
        return m.isEmpty() ? Set.of(RequestMethod.GET) : m;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (m.find()) {
            if (!m.group(1).equals("action")) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
