package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Trust, part one, as a hostile user tries it: code through a deployed model on every deployment path, a policy
 * editor writing a running case's variables, a stranger locking a member of staff out, missing security headers,
 * the login's redirect to another host, and an absurd page number.
 */
@StaffApiTest
class SecurityFrameIntegrationTests {

    /** A timer in the past that reaches java.lang.System by reflection, and a task that calls the database bean. */
    static final String HOSTILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                targetNamespace="http://example.cn/hostile">
              <process id="hostile" name="恶意流程" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="StartEvent_Now"><timerEventDefinition><timeDate>2020-01-01T00:00:00</timeDate></timerEventDefinition></startEvent>
                <sequenceFlow id="Flow_1" sourceRef="StartEvent_Now" targetRef="Task_Reflect" />
                <serviceTask id="Task_Reflect" name="读取系统" camunda:expression="${'x'.getClass().forName('java.lang.System').getProperty('user.home')}" />
                <sequenceFlow id="Flow_2" sourceRef="Task_Reflect" targetRef="Task_Sql" />
                <serviceTask id="Task_Sql" name="查库" camunda:expression="${jdbcClient.sql('SELECT COUNT(*) FROM dc_party').query().singleValue()}" />
                <sequenceFlow id="Flow_3" sourceRef="Task_Sql" targetRef="EndEvent_Done" />
                <endEvent id="EndEvent_Done" />
              </process>
            </definitions>
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    AuthenticationManager authentication;

    private RestTemplate browser() {
        return Browsers.client(http.getRootUri());
    }

    @Test
    void codeThroughADeployedExpressionIsRefusedOnTheEngineRestApi() {
        long before = repository.createDeploymentQuery().count();
        ResponseEntity<String> answer = deploy(http.withBasicAuth("huangli", "demo"), "/engine-rest/deployment/create",
                new HttpHeaders());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("部署被拒绝", "Task_Reflect", "getClass", "Task_Sql", "jdbcClient 不是登记的组件");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile").count()).isZero();
    }

    @Test
    void codeThroughADeployedExpressionIsRefusedOnThePolicyPageAndInCockpit() {
        long before = repository.createDeploymentQuery().count();
        TestRestTemplate policy = http.withBasicAuth("huangli", "demo");
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", file());
        ResponseEntity<String> checked = policy.postForEntity("/api/policy/validate", form, String.class);
        assertThat(checked.getBody()).contains("CODE", "Task_Reflect", "getClass");
        form.add("comment", "试图部署");
        ResponseEntity<String> deployed = policy.postForEntity("/api/policy/deployments", form, String.class);
        assertThat(deployed.getStatusCode().is4xxClientError()).as(deployed.getBody()).isTrue();
        assertThat(deployed.getBody()).contains("Task_Sql");

        // Cockpit and the Modeler deploy through the webapps' engine API, in the staff session
        HttpHeaders headers = Browsers.webappSession(browser(), "huangli");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("deployment-name", "hostile");
        upload.add("data", file());
        ResponseEntity<String> cockpit = browser().postForEntity("/camunda/api/engine/engine/default/deployment/create",
                new HttpEntity<>(upload, headers), String.class);
        assertThat(cockpit.getStatusCode()).as(cockpit.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cockpit.getBody()).contains("部署被拒绝");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

    private Object evaluate(String expression) {
        return engine.getCommandExecutorTxRequired().execute(context -> engine.getExpressionManager()
                .createExpression(expression)
                .getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance()));
    }

    @Test
    void atRunTimeAnExpressionReachesNeitherClassesNorBeansThatAreNotRegistered() {
        for (String refused : List.of("${'x'.getClass()}", "${'x'.class}", "${deadlines.getClass()}",
                "${deadlines.class.classLoader}")) {
            assertThatThrownBy(() -> evaluate(refused)).as(refused).hasStackTraceContaining("expression refused");
        }
        assertThatThrownBy(() -> evaluate("${jdbcClient.sql('SELECT 1')}")).hasStackTraceContaining("jdbcClient");
        assertThat(evaluate("${deadlines.today()}")).isNotNull();
        assertThat(evaluate("${'a'.concat('b')}")).isEqualTo("ab");
    }

    @Test
    void noStepCanBeCreatedOutsideACaseProcess() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (String user : List.of("admin", "liuyang")) {
            ResponseEntity<String> create = http.withBasicAuth(user, user.equals("admin") ? "admin" : "demo").exchange(
                    "/engine-rest/task/create", HttpMethod.POST,
                    new HttpEntity<>("{\"id\":\"loose-" + user + "\",\"name\":\"无案件的任务\"}", json), String.class);
            assertThat(create.getStatusCode()).as(user + ": " + create.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(create.getBody()).contains("不能在流程之外新建任务", "cannot be created outside");
            assertThat(tasks.createTaskQuery().taskId("loose-" + user).count()).isZero();
        }
    }

    @Test
    void aPolicyEditorCannotWriteTheVariablesOfARunningCase() {
        String caseNumber = (String) new StaffClient(http, "wangfang", "demo").openCase(Applications.mediation("yuzhong"))
                .getBody().get("caseNumber");
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("labor_dispute_case").singleResult();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> write = http.withBasicAuth("huangli", "demo").exchange(
                "/engine-rest/process-instance/" + running.getId() + "/variables/caseOutcome", HttpMethod.PUT,
                new HttpEntity<>("{\"value\":\"FORGED\",\"type\":\"String\"}", json), String.class);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.getVariable(running.getId(), "caseOutcome")).isNotEqualTo("FORGED");
    }

    @Test
    void aStrangerCannotLockAMemberOfStaffOut() {
        // one wrong password no longer makes the right one fail (the engine's own lock is off)
        TestRestTemplate wrong = http.withBasicAuth("zhanglei", "guess");
        assertThat(wrong.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("zhanglei", "demo").getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // eleven wrong passwords from a stranger's address: that address waits, the member of staff does not
        for (int i = 0; i < 11; i++) {
            assertThatThrownBy(() -> loginFrom("203.0.113.9", "chenjing", "guess")).isInstanceOf(
                    org.springframework.security.core.AuthenticationException.class);
        }
        assertThatThrownBy(() -> loginFrom("203.0.113.9", "chenjing", "demo"))
                .hasMessageContaining("too many failed logins");
        assertThat(loginFrom("198.51.100.20", "chenjing", "demo").isAuthenticated()).isTrue();
        assertThat(http.withBasicAuth("chenjing", "demo").getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> loginFrom("198.51.100.20", "chenjing", "wrong"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void everyKindOfPageCarriesTheSecurityHeaders() {
        String session = loginSession("liuyang");
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        for (String path : List.of("/login", "/portal", "/portal/apply", "/supervision", "/api/cases",
                "/camunda/app/tasklist/default/")) {
            ResponseEntity<String> page = browser().exchange(path, HttpMethod.GET, new HttpEntity<>(withSession), String.class);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            HttpHeaders h = page.getHeaders();
            assertThat(h.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(h.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(h.getFirst("Content-Security-Policy")).as(path).containsAnyOf("frame-ancestors 'self'",
                    "frame-ancestors 'none'");
            assertThat(h.getFirst("X-Frame-Options")).as(path).isIn("DENY", "SAMEORIGIN");
        }
        ResponseEntity<String> engine = http.withBasicAuth("wangfang", "demo").getForEntity("/engine-rest/task", String.class);
        assertThat(engine.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        String cookie = browser().getForEntity("/login", String.class).getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void theLoginGoesBackOnlyToAPathOfThisApplication() {
        for (String next : List.of("/\\evil.example", "//evil.example", "https://evil.example/", "/%0d%0aLocation:x")) {
            ResponseEntity<String> answer = login("liuyang", next);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
            assertThat(answer.getHeaders().getLocation().getHost()).as(next).isIn(null, "localhost");
            assertThat(answer.getHeaders().getLocation().getRawPath()).as(next).isIn("/supervision", "/%0d%0aLocation:x");
        }
        assertThat(login("liuyang", "/supervision/risks").getHeaders().getLocation().getPath()).isEqualTo("/supervision/risks");
    }

    @Test
    void undeclaredPathsAreRefusedAndAnAbsurdPageIsAnEmptyPage() {
        assertThat(http.withBasicAuth("wangfang", "demo").getForEntity("/admin/anything", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> page = http.withBasicAuth("wangfang", "demo")
                .getForEntity("/api/cases?page=2147483647", Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) page.getBody().get("cases")).isEmpty();
        ResponseEntity<String> policy = http.withBasicAuth("wangfang", "demo").getForEntity("/policy", String.class);
        assertThat(policy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(policy.getBody()).contains("您的岗位不能打开此页面"); // a page in words, not a stack or JSON
    }

    @Test
    void theDemosAdministratorPasswordIsRefusedOutsideTheDemo() {
        var outsideDemo = new cn.labordispute.security.AdminAccount(identity, authorizations, false, "admin", "",
                java.nio.file.Path.of("target", "admin-password-unused.txt"));
        assertThatThrownBy(outsideDemo::ensure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo password");
    }

    private org.springframework.security.core.Authentication loginFrom(String address, String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private ResponseEntity<String> deploy(TestRestTemplate client, String path, HttpHeaders headers) {
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "hostile");
        form.add("data", file());
        return client.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private static ByteArrayResource file() {
        return new ByteArrayResource(HOSTILE.strip().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "hostile.bpmn";
            }
        };
    }

    private String loginSession(String user) {
        return Browsers.session(browser(), user);
    }

    private ResponseEntity<String> login(String user, String next) {
        return Browsers.login(browser(), user, next);
    }
}
