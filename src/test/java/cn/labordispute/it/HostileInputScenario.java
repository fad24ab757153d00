package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

/**
 * Trust, part two, as a careless, a busy and a hostile user try it: personal data masked for every role and read in
 * full only by the case's handler or an arbitrator (and then logged); two people on one step answered as a conflict;
 * retried and doubled intakes; every field an attacker or a slip can fill wrongly; parallel intakes against one
 * employer. Runs on H2 ({@link HostileInputIntegrationTests}) and PostgreSQL ({@link HostileInputPostgresIntegrationTests}).
 */
@StaffApiTest
abstract class HostileInputScenario {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    IntakeService intake;
    @LocalServerPort
    int port;

    StaffClient wangfang;
    StaffClient zhanglei;

    @BeforeEach
    void staff() {
        wangfang = new StaffClient(http, "wangfang", "demo");
        zhanglei = new StaffClient(http, "zhanglei", "demo");
    }

    private RestTemplate as(String user) {
        return Browsers.client("http://localhost:" + port, user, "demo");
    }

    private long cases() {
        return jdbc.sql("SELECT COUNT(*) FROM dc_case").query(Long.class).single();
    }

    private String open(Map<String, Object> application) {
        ResponseEntity<Map<String, Object>> opened = wangfang.openCase(application);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    /** An application no other test has made: its own employer, so no duplicate flag or risk carries over. */
    private static Map<String, Object> fresh(int employer) {
        Map<String, Object> a = Applications.againstOwnEmployer(Applications.mediation("yuzhong"), employer);
        Applications.firstWorker(a).put("phone", "13800138000");
        return a;
    }

    /** A 居民身份证 number with a valid check digit for the birth date (区划 500103). */
    static String residentId(LocalDate birth) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String body = "500103" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "123";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    // ---- personal data -------------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void identityAndPhoneNumbersAreMaskedForEveryRoleAndReadInFullOnlyByTheHandlerOrAnArbitratorWithALog() {
        String caseNumber = open(fresh(1));
        String id = Applications.WORKER_IDS[0];
        for (String user : List.of("wangfang", "zhanglei", "zhaomin", "zhouqiang", "liuyang", "hemei")) {
            ResponseEntity<Map<String, Object>> read = new StaffClient(http, user, "demo").getCase(caseNumber);
            assertThat(read.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            Map<String, Object> worker = ((List<Map<String, Object>>) read.getBody().get("parties")).get(0);
            assertThat(worker.get("idNumber")).as(user).isEqualTo("5001**********" + id.substring(14));
            assertThat(worker.get("phone")).as(user).isEqualTo("138****8000");
            assertThat(read.getBody().toString()).as(user).doesNotContain(id, "13800138000");
            Map<String, Object> employer = ((List<Map<String, Object>>) read.getBody().get("parties")).stream()
                    .filter(p -> "EMPLOYER".equals(p.get("role"))).findFirst().orElseThrow();
            assertThat(employer.get("idNumber")).as("an employer's credit code is public").isEqualTo(Applications.creditCode(1));
        }
        long logged = jdbc.sql("SELECT COUNT(*) FROM dc_personal_data_access WHERE case_number = ?").param(caseNumber)
                .query(Long.class).single();
        assertThat(logged).as("masked readings are not logged").isZero();

        // the first responder (the handler) and the organisation's arbitrator read them in full, and are logged
        for (String user : List.of("wangfang", "zhaomin")) {
            ResponseEntity<Map<String, Object>> full = as(user).exchange("/api/cases/{n}?reveal=idNumber,phone",
                    HttpMethod.GET, null, MAP, caseNumber);
            assertThat(full.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            Map<String, Object> worker = ((List<Map<String, Object>>) full.getBody().get("parties")).get(0);
            assertThat(worker).containsEntry("idNumber", id).containsEntry("phone", "13800138000");
        }
        // a colleague not on the case, the union adviser and the supervisor are refused, and nothing is logged for them
        for (String user : List.of("zhanglei", "zhouqiang", "liuyang")) {
            ResponseEntity<Map<String, Object>> refused = as(user).exchange("/api/cases/{n}?reveal=idNumber",
                    HttpMethod.GET, null, MAP, caseNumber);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("message")).contains("承办人", "仲裁员");
        }
        ResponseEntity<Map<String, Object>> unknownField = as("wangfang").exchange("/api/cases/{n}?reveal=address",
                HttpMethod.GET, null, MAP, caseNumber);
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().toString()).contains("reveal");

        List<Map<String, Object>> rows = jdbc.sql("SELECT user_id, field, channel, org_code FROM dc_personal_data_access "
                + "WHERE case_number = ? ORDER BY id").param(caseNumber).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("user_id") + ":" + r.get("field"))
                .containsExactly("wangfang:idNumber", "wangfang:phone", "zhaomin:idNumber", "zhaomin:phone");

        // supervisors read the log, in names; a mediator cannot; another organisation's supervisor sees none of it
        ResponseEntity<Map<String, Object>> log = as("liuyang").exchange("/api/personal-data-access", HttpMethod.GET,
                null, MAP);
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> readings = (List<Map<String, Object>>) log.getBody().get("readings");
        assertThat(readings).filteredOn(r -> caseNumber.equals(r.get("caseNumber")))
                .extracting(r -> r.get("userName") + ":" + r.get("fieldLabel"))
                .contains("王芳:证件号码", "王芳:联系电话", "赵敏:证件号码", "赵敏:联系电话");
        assertThat(as("wangfang").exchange("/api/personal-data-access", HttpMethod.GET, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        List<Map<String, Object>> jishou = (List<Map<String, Object>>) as("tianjing")
                .exchange("/api/personal-data-access", HttpMethod.GET, null, MAP).getBody().get("readings");
        assertThat(jishou).noneMatch(r -> caseNumber.equals(r.get("caseNumber")));
        ResponseEntity<String> page = as("liuyang").getForEntity("/supervision/personal-data-access", String.class);
        assertThat(page.getBody()).contains("个人信息查阅记录", "王芳", caseNumber).doesNotContain("wangfang");
    }

    // ---- conflicts -----------------------------------------------------------------------------------------------

    private String acceptanceTask(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult().getId();
    }

    private ResponseEntity<Map<String, Object>> engine(String user, String taskId, String action, Object body) {
        return as(user).exchange("/engine-rest/task/{id}/" + action, HttpMethod.POST, new HttpEntity<>(body), MAP, taskId);
    }

    private static Map<String, Object> acceptVariables() {
        return Map.of("variables", Map.of("withinScope", Map.of("value", true), "otherPartyConsents", Map.of("value", true)));
    }

    @Test
    void twoPeopleOnOneStepThroughTheEngineRestApiAreAConflictOrARefusalNeverAnError() {
        String caseNumber = open(fresh(2));
        String taskId = acceptanceTask(caseNumber);
        assertThat(engine("wangfang", taskId, "claim", Map.of("userId", "wangfang")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<Map<String, Object>> claimedAgain = engine("zhanglei", taskId, "claim", Map.of("userId", "zhanglei"));
        assertThat(claimedAgain.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) claimedAgain.getBody().get("message")).contains("已由 王芳 认领");
        assertThat((String) claimedAgain.getBody().get("messageEn")).contains("王芳").doesNotContain("wangfang");

        // a submission without the form's answers is the submitter's mistake, named, and the step stays open
        ResponseEntity<Map<String, Object>> empty = engine("wangfang", taskId, "complete", Map.of("variables", Map.of()));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) empty.getBody().get("message")).contains("没有办结");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        // only the holder finishes or gives back a claimed step
        assertThat(engine("zhanglei", taskId, "complete", acceptVariables()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine("zhanglei", taskId, "unclaim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine("zhanglei", taskId, "assignee", Map.of("userId", "zhanglei")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("wangfang");

        assertThat(engine("wangfang", taskId, "complete", acceptVariables()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> twice = engine("wangfang", taskId, "complete", acceptVariables());
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) twice.getBody().get("message")).contains("办结", "王芳");
        assertThat(engine("zhanglei", taskId, "claim", Map.of("userId", "zhanglei")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(engine("wangfang", taskId, "submit-form", Map.of("variables", Map.of())).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(engine("wangfang", "no-such-task", "complete", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // a form the step's rule refuses: 400, the sentence in each language and the field it is about
        String schedule = stepOf(caseNumber, "Task_ScheduleMediationSession");
        String sessionAt = java.time.LocalDate.now().plusDays(3) + "T09:30:00";
        assertThat(engine("wangfang", schedule, "complete", Map.of("variables", Map.of("sessionAt", Map.of("value", sessionAt),
                "sessionMode", Map.of("value", "PHONE"), "sessionParticipants", Map.of("value", "双方")))).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String session = stepOf(caseNumber, "Task_RecordMediationSession");
        ResponseEntity<Map<String, Object>> refused = engine("wangfang", session, "complete", Map.of("variables", Map.of(
                "mediationResult", Map.of("value", "EXTENDED"), "bothPartiesConsent", Map.of("value", false),
                "extendedUntil", Map.of("value", java.time.LocalDate.now().plusDays(20).toString()),
                "sessionRecord", Map.of("value", "单方要求延期"))));
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("message", "调解延期须经双方当事人同意")
                .containsEntry("messageEn", "extending mediation needs both parties' consent");
        assertThat(refused.getBody().toString()).contains("bothPartiesConsent");
        assertThat(tasks.createTaskQuery().taskId(session).count()).isEqualTo(1);
    }

    private String stepOf(String caseNumber, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult().getId();
    }

    @Test
    void twoMediatorsClaimingTheSameStepAtOnceGetOneSuccessAndOneConflict() throws Exception {
        for (int round = 0; round < 3; round++) {
            String taskId = acceptanceTask(open(fresh(10 + round)));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpStatus>> answers = new ArrayList<>();
                for (String user : List.of("wangfang", "zhanglei")) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return HttpStatus.valueOf(engine(user, taskId, "claim", Map.of("userId", user)).getStatusCode().value());
                    }));
                }
                start.countDown();
                List<HttpStatus> statuses = new ArrayList<>();
                for (Future<HttpStatus> f : answers) {
                    statuses.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** The Tasklist calls the same resources under /camunda/api/engine, in the staff session with its XSRF token. */
    private HttpHeaders tasklist(String user) {
        HttpHeaders headers = Browsers.webappSession(Browsers.client("http://localhost:" + port), user);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private ResponseEntity<Map<String, Object>> tasklist(HttpHeaders session, String taskId, String action, Object body) {
        return Browsers.client("http://localhost:" + port).exchange(
                "/camunda/api/engine/engine/default/task/{id}/" + action, HttpMethod.POST,
                new HttpEntity<>(body, session), MAP, taskId);
    }

    @Test
    void inTheTasklistAClaimedOrFinishedStepIsAConflictInWords() {
        String taskId = acceptanceTask(open(fresh(3)));
        HttpHeaders wang = tasklist("wangfang");
        HttpHeaders zhang = tasklist("zhanglei");
        assertThat(tasklist(wang, taskId, "claim", Map.of("userId", "wangfang")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> claimed = tasklist(zhang, taskId, "claim", Map.of("userId", "zhanglei"));
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) claimed.getBody().get("message")).contains("王芳");
        assertThat(tasklist(zhang, taskId, "submit-form", acceptVariables()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasklist(wang, taskId, "submit-form", acceptVariables()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> again = tasklist(wang, taskId, "submit-form", acceptVariables());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("message")).contains("已于", "办结");
    }

    @Test
    void aSupervisorActingOnAStepDoneMeanwhileIsToldItIsDone() {
        String caseNumber = open(fresh(4));
        String taskId = acceptanceTask(caseNumber);
        // the step is on the board (watched) and a mediator finishes it while the supervisor looks at the board
        wangfang.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true, "otherPartyConsents", true);
        RestTemplate browser = Browsers.client("http://localhost:" + port);
        String session = Browsers.session(browser, "liuyang");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        String board = browser.exchange("/supervision", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        java.util.regex.Matcher csrf = Browsers.CSRF.matcher(board);
        assertThat(csrf.find()).isTrue();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        form.add("taskId", taskId);
        form.add("note", "请尽快办理");
        ResponseEntity<String> answer = browser.postForEntity("/supervision/reassign", new HttpEntity<>(form, headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody()).contains("已于", "由 王芳 办结");
    }

    // ---- idempotent intake ---------------------------------------------------------------------------------------

    private ResponseEntity<Map<String, Object>> openWithKey(Map<String, Object> application, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Idempotency-Key", key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("wangfang").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(application, headers), MAP);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameCaseAndAnotherApplicationWithTheKeyIsRefused() {
        Map<String, Object> application = fresh(5);
        long before = cases();
        ResponseEntity<Map<String, Object>> first = openWithKey(application, "retry-0001");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> retry = openWithKey(application, "retry-0001");
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody().get("caseNumber")).isEqualTo(first.getBody().get("caseNumber"));
        assertThat(cases()).isEqualTo(before + 1);

        Map<String, Object> other = fresh(5);
        Applications.firstClaim(other).put("amount", 999);
        ResponseEntity<Map<String, Object>> mixedUp = openWithKey(other, "retry-0001");
        assertThat(mixedUp.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(mixedUp.getBody().toString()).contains("Idempotency-Key", "另一份申请");
        assertThat(cases()).isEqualTo(before + 1);

        ResponseEntity<Map<String, Object>> badKey = openWithKey(application, "x".repeat(101));
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody().toString()).contains("Idempotency-Key");
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void parallelRepeatsWithOneKeyOpenOneCase() throws Exception {
        Map<String, Object> application = fresh(6);
        long before = cases();
        int parallel = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return openWithKey(application, "double-tap-6");
                }));
            }
            start.countDown();
            Set<Object> numbers = ConcurrentHashMap.newKeySet();
            for (Future<ResponseEntity<Map<String, Object>>> f : answers) {
                ResponseEntity<Map<String, Object>> answer = f.get(120, TimeUnit.SECONDS);
                assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
                numbers.add(answer.getBody().get("caseNumber"));
            }
            assertThat(numbers).hasSize(1);
            assertThat(cases()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIdenticalApplicationWithoutAKeyIsFlaggedAsAPossibleDuplicate() {
        String first = open(fresh(7));
        ResponseEntity<Map<String, Object>> second = wangfang.openCase(fresh(7));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).containsEntry("possibleDuplicateOf", first);
        String secondNumber = (String) second.getBody().get("caseNumber");
        assertThat(wangfang.getCase(secondNumber).getBody()).containsEntry("possibleDuplicateOf", first);
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) wangfang.getCase(secondNumber).getBody().get("timeline");
        assertThat(timeline).anyMatch(e -> String.valueOf(e.get("detail")).contains("可能重复申请"));
        // another claim is another application
        Map<String, Object> different = fresh(7);
        Applications.firstClaim(different).put("amount", 1);
        assertThat(wangfang.openCase(different).getBody()).doesNotContainKey("possibleDuplicateOf");
    }

    // ---- input ---------------------------------------------------------------------------------------------------

    private void refused(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> application = fresh(8);
        change.accept(application);
        long before = cases();
        ResponseEntity<Map<String, Object>> answer = wangfang.openCase(application);
        assertThat(answer.getStatusCode()).as(field + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) answer.getBody().get("errors"))
                .as(String.valueOf(answer.getBody())).extracting(e -> e.get("field")).contains(field);
        assertThat(cases()).as("nothing stored for " + field).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claims(Map<String, Object> application) {
        return (List<Map<String, Object>>) application.get("claims");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> workers(Map<String, Object> application) {
        return (List<Map<String, Object>>) application.get("workers");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        refused(a -> Applications.firstWorker(a).put("idNumber", residentId(today.plusYears(1))), "workers[0].idNumber");
        refused(a -> Applications.firstWorker(a).put("idNumber", residentId(today.minusYears(12))), "workers[0].idNumber");
        refused(a -> Applications.firstWorker(a).put("idNumber", residentId(today.minusYears(120))), "workers[0].idNumber");
        refused(a -> Applications.firstWorker(a).put("phone", "1380013800013800138000"), "workers[0].phone");
        refused(a -> Applications.employer(a).put("phone", "0".repeat(21)), "employer.phone");
        refused(a -> Applications.firstWorker(a).put("address", "重".repeat(301)), "workers[0].address");
        refused(a -> Applications.employer(a).put("address", "庆".repeat(301)), "employer.address");
        refused(a -> Applications.firstWorker(a).put("name", "张\u0000三"), "workers[0].name");
        refused(a -> Applications.employer(a).put("name", "某某公司\u001b[31m"), "employer.name");
        refused(a -> Applications.employer(a).put("name", "某某\uD800公司"), "employer.name");
        refused(a -> a.put("summary", "拖欠工资\u0007"), "summary");
        refused(a -> Applications.firstClaim(a).put("description", "说明\u0000"), "claims[0].description");
        refused(a -> Applications.firstClaim(a).put("amount", new BigDecimal("1000000000000")), "claims[0].amount");
        refused(a -> Applications.firstClaim(a).put("amount", new BigDecimal("20000000")), "claims[0].amount");
        refused(a -> {
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                many.add(Applications.claim("PAY_ARREARS", new BigDecimal("9999999")));
            }
            a.put("claims", many);
        }, "claims");
        refused(a -> {
            List<Map<String, Object>> ten = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                Map<String, Object> w = Applications.worker("工人" + i, residentId(LocalDate.of(1980, 1, 1).plusDays(i)));
                w.put("amount", new BigDecimal("9999999"));
                ten.add(w);
            }
            a.put("workers", ten);
            a.put("claims", new ArrayList<>(List.of(Applications.claim("PAY_ARREARS", new BigDecimal("9000000")))));
        }, "workers");
        // line breaks in running text are fine
        Map<String, Object> multiline = fresh(8);
        multiline.put("summary", "2026年3月入职。\n2026年9月起未发工资。\r\n\t多次催要无果。");
        assertThat(wangfang.openCase(multiline).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void policyStaffRaiseTheCeilingInTheTableAndTheNextApplicationIsMeasuredByIt() {
        Map<String, Object> large = fresh(9);
        Applications.firstClaim(large).put("amount", new BigDecimal("20000000"));
        assertThat(wangfang.openCase(large).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String shipped = new String(readShipped(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            deployTable(shipped.replace("CLAIM,10000000.00", "CLAIM,30000000.00"), "高管薪酬争议增多，单项上限提高到三千万元");
            assertThat(wangfang.openCase(large).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            ResponseEntity<Map<String, Object>> bad = deployTableAnswer(
                    shipped.replace("CLAIM,10000000.00", "CLAIM,300000000.00"), "上限高于一案合计");
            assertThat(bad.getStatusCode().is4xxClientError()).as(String.valueOf(bad.getBody())).isTrue();
            assertThat(String.valueOf(bad.getBody())).contains("amount-limits.csv");
        } finally {
            deployTable(shipped, "恢复单项上限一千万元");
        }
        assertThat(wangfang.openCase(large).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static byte[] readShipped() {
        try (var in = HostileInputScenario.class.getResourceAsStream("/policy/amount-limits.csv")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResponseEntity<Map<String, Object>> deployTableAnswer(String content, String reason) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "amount-limits.csv";
            }
        });
        body.add("comment", reason);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("huangli").exchange("/api/policy/deployments", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    private void deployTable(String content, String reason) {
        ResponseEntity<Map<String, Object>> deployed = deployTableAnswer(content, reason);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    // ---- parallel intakes against one employer -------------------------------------------------------------------

    @Test
    void parallelIntakesAgainstOneEmployerInSeveralOrganisationsRaiseOneClusterRisk() throws Exception {
        String employer = Applications.creditCode(500);
        int parallel = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String org = List.of("yuzhong", "jishou", "daxing").get(i % 3);
                CaseApplication application = new CaseApplication(org, "MEDIATION", "拖欠工资三个月", null,
                        List.of(new CaseApplication.Worker("工人" + i, "RESIDENT_ID",
                                residentId(LocalDate.of(1985, 1, 1).plusDays(i)), null, null, true)),
                        new CaseApplication.Employer("聚集测试有限公司", employer, null, null),
                        List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, new BigDecimal("12000"))));
                Callable<String> intakeOne = () -> {
                    start.await();
                    return intake.open(application);
                };
                opened.add(pool.submit(intakeOne));
            }
            start.countDown();
            for (Future<String> f : opened) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
        long clusterRisks = jdbc.sql("SELECT COUNT(*) FROM pv_risk WHERE employer_credit_code = ? AND source = 'INTAKE_CLUSTER'")
                .param(employer).query(Long.class).single();
        assertThat(clusterRisks).isEqualTo(1);
    }
}
