package cn.labordispute.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.labordispute.it.EngineOfThisContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The party portal through its pages, as a browser posts them (session, CSRF token, multipart): an application stores
 * the case with a hashed access code, its evidence once and a notification; staff restate the claims and the party's
 * confirmation moves the process on; bad input (checksums, disguised and oversized files, missing token) is named and
 * stores nothing; ten wrong access codes lock the case; codes are rate-limited; withdrawal and legal aid reach the
 * process. Text messages are captured instead of logged.
 */
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:portal;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "dispute.demo.enabled=true",
    "dispute.demo.cases=false",
    "dispute.portal.notification-delay-millis=3600000"})
@AutoConfigureMockMvc
class PortalIntegrationTests {

    /** Captures text messages: the tests read the codes the way a phone would. */
    @TestConfiguration
    static class CapturedMessages {
        static final List<String[]> SENT = Collections.synchronizedList(new ArrayList<>());

        @Bean
        @Primary
        SmsSender capturingSmsSender() {
            return (phone, text) -> SENT.add(new String[] {phone, text});
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("(?:验证码是|code is) (\\d{6})");
    /** A passport scan: a few bytes of a real PNG signature and header. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PortalAccess access;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired Notifications notifications;
    @Autowired PartyReminders reminders;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired cn.labordispute.prevention.RiskLedger risks;

    private static final String WANGFANG = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("wangfang:demo".getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A browser: its session, its CSRF token and its address (rate limits count per address). */
    private final class Browser {
        final MockHttpSession session = new MockHttpSession();
        final String address;
        String csrf;

        Browser(String address) throws Exception {
            this.address = address;
            String page = send(get("/portal/apply")).getResponse().getContentAsString();
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).isTrue();
            csrf = m.group(1);
        }

        MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
            return mvc.perform(request.session(session).with(r -> {
                r.setRemoteAddr(address);
                return r;
            })).andReturn();
        }

        /** Asks for a code and reads it from the captured message. */
        String code(String phone, String purpose) throws Exception {
            int before = CapturedMessages.SENT.size();
            MvcResult sent = send(post("/portal/codes").param("phone", phone).param("purpose", purpose).param("_csrf", csrf));
            assertThat(sent.getResponse().getStatus()).isEqualTo(200);
            String[] message = CapturedMessages.SENT.get(CapturedMessages.SENT.size() - 1);
            assertThat(CapturedMessages.SENT).hasSize(before + 1);
            Matcher m = CODE.matcher(message[1]);
            assertThat(m.find()).as(message[1]).isTrue();
            return m.group(1);
        }

        MvcResult apply(Map<String, String> fields, MockMultipartFile... files) throws Exception {
            MockMultipartHttpServletRequestBuilder request = multipart("/portal/apply");
            for (MockMultipartFile f : files) {
                request.file(f);
            }
            fields.forEach(request::param);
            request.param("_csrf", csrf);
            return send(request);
        }

        String page(String path) throws Exception {
            return send(get(path)).getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> application(String phone, String code) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("applicantRole", "WORKER");
        f.put("procedure", "MEDIATION");
        f.put("organisation", "yuzhong");
        f.put("workerName", "John SMITH");
        f.put("workerIdType", "PASSPORT");
        f.put("workerIdNumber", "E1234567X");
        f.put("workerPhone", phone);
        f.put("employerName", "重庆星光文化传媒有限公司");
        f.put("employerCreditCode", "91500103MA5U8XYM10");
        f.put("summary", "九月和十月的工资没有发。");
        f.put("claimCause", "PAY_ARREARS");
        f.put("claimAmount", "16000");
        f.put("knewOn", "2025-06-01");
        f.put("code", code);
        return f;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String field(String html, Pattern p) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static final Pattern CASE_NUMBER = Pattern.compile("id=\"case-number\">([^<]+)<");
    private static final Pattern ACCESS_CODE = Pattern.compile("id=\"access-code\" class=\"code\">([^<]+)<");

    /** Applies successfully and returns {case number, access code}. */
    private String[] applied(Browser browser, String phone, MockMultipartFile... files) throws Exception {
        MvcResult r = browser.apply(application(phone, browser.code(phone, "APPLY")), files);
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(200);
        return new String[] {field(body(r), CASE_NUMBER), field(body(r), ACCESS_CODE)};
    }

    @Test
    void anApplicationStoresTheCaseOnceWithAHashedCodeAndTheConfirmedClaimsMoveItOn() throws Exception {
        Browser browser = new Browser("10.0.0.1");
        MockMultipartFile scan = new MockMultipartFile("evidence", "passport.png", "image/png", PNG);
        String[] opened = applied(browser, "13800138001", scan);
        String caseNumber = opened[0];

        long caseId = jdbc.sql("SELECT id FROM dc_case WHERE case_number = ?").param(caseNumber).query(Long.class).single();
        String stored = jdbc.sql("SELECT code_hash FROM pt_access WHERE case_id = ?").param(caseId).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(opened[1]);
        assertThat(Secrets.matches(opened[1], stored)).isTrue();
        // a hash written before (salted PBKDF2) still opens the case, and is stored again at today's strength
        String legacy = "pbkdf2-sha256$60000$AAECAwQFBgcICQoLDA0ODw==$" + java.util.Base64.getEncoder().encodeToString(
                javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new javax.crypto.spec
                        .PBEKeySpec(opened[1].toCharArray(), java.util.Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODw=="),
                        60000, 256)).getEncoded());
        jdbc.sql("UPDATE pt_access SET code_hash = ? WHERE case_id = ?").params(legacy, caseId).update();
        access.withCode(caseNumber, opened[1].toLowerCase(), "10.0.0.9");
        assertThat(jdbc.sql("SELECT code_hash FROM pt_access WHERE case_id = ?").param(caseId).query(String.class).single())
                .startsWith("{bcrypt}");
        assertThat(jdbc.sql("SELECT sha256 FROM pt_evidence WHERE case_id = ?").param(caseId).query(String.class).list())
                .containsExactly(cn.labordispute.documents.DocumentTemplates.sha256(PNG));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .variableValueEquals("applicationChannel", "PORTAL").count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT kind FROM dc_document WHERE case_id = ?").param(caseId).query(String.class).list())
                .containsExactly("MEDIATION_APPLICATION");

        // the same scan again on the case page is recognised; the notice of submission is sent from the outbox
        String casePage = "/portal/cases/" + caseNumber;
        MvcResult again = browser.send(multipart(casePage + "/evidence").file(scan).param("_csrf", browser.csrf));
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(count("pt_evidence WHERE case_id = " + caseId)).isEqualTo(1);
        int sent = CapturedMessages.SENT.size();
        notifications.sendPending();
        assertThat(CapturedMessages.SENT.subList(sent, CapturedMessages.SENT.size()))
                .anyMatch(m -> m[0].equals("13800138001") && m[1].contains("您的申请已提交") && m[1].contains(caseNumber));

        // staff restate the claims in two items; the applicant's own row stays, superseded
        Task restate = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_RestateClaims")
                .singleResult();
        assertThat(tasks.getVariable(restate.getId(), "claim1Cause")).isEqualTo("PAY_ARREARS");
        tasks.complete(restate.getId(), Map.of("claim1Cause", "PAY_ARREARS", "claim1Amount", 12000.0,
                "claim1Description", "2026年9月至10月工资", "claim2Cause", "TERM_NO_CONTRACT", "claim2Amount", 4000.0,
                "restatementNote", "补充了未签合同二倍工资"));
        assertThat(count("dc_claim WHERE case_id = " + caseId + " AND superseded_at IS NOT NULL")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT cause_code FROM dc_claim WHERE case_id = ? AND superseded_at IS NULL ORDER BY id")
                .param(caseId).query(String.class).list()).containsExactly("PAY_ARREARS", "TERM_NO_CONTRACT");

        // a day before the confirmation period ends the applicant is reminded, once
        Date due = management.createJobQuery().activityId("Timer_ClaimsConfirmationDue")
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                        .processDefinitionKey("labor_dispute_case").singleResult().getId())
                .singleResult().getDuedate();
        ClockUtil.setCurrentTime(Date.from(due.toInstant().minus(Duration.ofDays(2))));
        assertThat(reminders.remind()).isZero();
        ClockUtil.setCurrentTime(Date.from(due.toInstant().minus(Duration.ofHours(30))));
        assertThat(reminders.remind()).isEqualTo(1);
        assertThat(reminders.remind()).isZero();

        String page = browser.page(casePage);
        assertThat(page).contains("未签书面劳动合同二倍工资", "4000.00", "确认请求事项", "补充了未签合同二倍工资")
                .contains("请您在 ").doesNotContain("E1234567X");
        MvcResult confirmed = browser.send(post(casePage + "/claims").param("answer", "CONFIRMED").param("_csrf", browser.csrf));
        assertThat(confirmed.getResponse().getStatus()).isEqualTo(302);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_DecideMediationAcceptance");
        assertThat(jdbc.sql("SELECT claims_confirmed_at FROM dc_case WHERE id = ?").param(caseId).query(Date.class)
                .single()).isNotNull();
        // staff see the evidence at the next stage; the applicant is told the session's date
        MvcResult staffView = mvc.perform(get("/api/cases/" + caseNumber + "/evidence").header("Authorization", WANGFANG))
                .andReturn();
        assertThat(body(staffView)).contains(cn.labordispute.documents.DocumentTemplates.sha256(PNG), "passport.png");
        Task accept = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        tasks.complete(accept.getId(), Map.of("withinScope", true, "otherPartyConsents", true));
        Task schedule = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        tasks.complete(schedule.getId(), Map.of("sessionAt", "2026-12-03T09:30:00", "sessionMode", "IN_PERSON",
                "sessionPlace", "渝中区劳动争议调解中心", "sessionParticipants", "双方"));
        assertThat(jdbc.sql("SELECT kind FROM pt_notification WHERE case_id = ? ORDER BY id").param(caseId)
                .query(String.class).list()).contains("SUBMITTED", "CLAIMS_TO_CONFIRM", "MEDIATION_ACCEPTANCE_NOTICE",
                        "SESSION_SCHEDULED").anyMatch(k -> k.startsWith("REMINDER_Timer_ClaimsConfirmationDue"));
        assertThat(jdbc.sql("SELECT text FROM pt_notification WHERE case_id = ? AND kind = 'SESSION_SCHEDULED'")
                .param(caseId).query(String.class).list()).isNotEmpty()
                .allSatisfy(text -> assertThat(text).contains("2026年12月3日 09:30", "渝中区劳动争议调解中心"));

        // a second confirmation finds nothing waiting and changes nothing
        MvcResult twice = browser.send(post(casePage + "/claims").param("answer", "CONFIRMED").param("_csrf", browser.csrf));
        assertThat(twice.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(twice)).contains("案件当前不在这一步");
    }

    @Test
    void aSecondTapOfTheSameFormAnswersTheFirstCaseAndTheFormReusedForOtherDetailsIs422() throws Exception {
        Browser browser = new Browser("10.0.0.21");
        Map<String, String> form = application("13800138021", browser.code("13800138021", "APPLY"));
        form.put("requestKey", "6f1d2c9e-form-of-browser-21");
        form.put("employerCreditCode", "91500103MA5U8XYM10");
        long before = count("dc_case");
        MvcResult first = browser.apply(form);
        assertThat(first.getResponse().getStatus()).as(body(first)).isEqualTo(200);
        String caseNumber = field(body(first), CASE_NUMBER);

        MvcResult second = browser.apply(form); // the same form again: the code is used, the key answers
        assertThat(second.getResponse().getStatus()).as(body(second)).isEqualTo(200);
        assertThat(field(body(second), CASE_NUMBER)).isEqualTo(caseNumber);
        assertThat(body(second)).contains("id=\"already-filed\"").doesNotContain("id=\"access-code\"");
        assertThat(count("dc_case")).isEqualTo(before + 1);

        Map<String, String> other = new LinkedHashMap<>(form);
        other.put("claimAmount", "18000");
        MvcResult reused = browser.apply(other);
        assertThat(reused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(reused)).contains("这张申请表已经提交过");
        assertThat(count("dc_case")).isEqualTo(before + 1);
    }

    @Test
    void badInputIsNamedFieldByFieldAndStoresNothing() throws Exception {
        Browser browser = new Browser("10.0.0.2");
        String code = browser.code("13800138002", "APPLY");
        long cases = count("dc_case");
        Map<String, String> bad = application("13800138002", code);
        bad.put("workerIdType", "RESIDENT_ID");
        bad.put("workerIdNumber", "500103199001011233");   // wrong check digit
        bad.put("employerCreditCode", "91500103MA5U8XYM11"); // wrong check character
        bad.put("claimAmount", "一万");
        bad.put("knewOn", "2025/06/01");

        MvcResult r = browser.apply(bad);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("data-field=\"workerIdNumber\"", "data-field=\"employerCreditCode\"",
                "data-field=\"claimAmount[0]\"", "data-field=\"knewOn\"", "居民身份证号码无效")
                .as("the Chinese page says it once, in Chinese").doesNotContain("resident ID number is invalid");
        assertThat(count("dc_case")).isEqualTo(cases);

        // a passport with lower-case letters is upper-cased; one with symbols is refused
        bad = application("13800138002", code);
        bad.put("workerIdNumber", "E12-345");
        r = browser.apply(bad);
        assertThat(body(r)).contains("data-field=\"workerIdNumber\"", "护照号码应为5至17位大写字母或数字");
        assertThat(count("dc_case")).isEqualTo(cases);
    }

    @Test
    void disguisedAndOversizedFilesAreRefusedBeforeTheCodeIsUsed() throws Exception {
        Browser browser = new Browser("10.0.0.3");
        String code = browser.code("13800138003", "APPLY");
        long cases = count("dc_case");
        long evidence = count("pt_evidence");

        MockMultipartFile disguised = new MockMultipartFile("evidence", "contract.pdf", "application/pdf",
                "MZ this is a program, not a PDF".getBytes(StandardCharsets.UTF_8));
        MvcResult r = browser.apply(application("13800138003", code), disguised);
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("data-field=\"evidence[0]\"", "按文件内容判断", "contract.pdf");

        byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        r = browser.apply(application("13800138003", code), new MockMultipartFile("evidence", "big.png", "image/png", big));
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(r)).contains("data-field=\"evidence[0]\"", "10 MB");
        assertThat(count("dc_case")).isEqualTo(cases);
        assertThat(count("pt_evidence")).isEqualTo(evidence);

        // the code was not used up by the refused attempts
        r = browser.apply(application("13800138003", code));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(count("dc_case")).isEqualTo(cases + 1);
    }

    @Test
    void aCaseNumberTypedWithoutTheBracketsOpensTheCaseAndAWrongLookUpSaysNothingOfSaving() throws Exception {
        Browser applicant = new Browser("10.0.0.14");
        String[] opened = applied(applicant, "13800138014");
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("^(.+)〔(\\d{4})〕0*(\\d+)号$").matcher(opened[0]);
        assertThat(n.matches()).isTrue();
        Browser phone = new Browser("10.0.0.15");
        MvcResult wrong = phone.send(post("/portal/follow").param("caseNumber", opened[0]).param("code", "WRONGCODE")
                .param("_csrf", phone.csrf));
        assertThat(body(wrong)).contains("请核对以下内容", "案号或查询码不正确").doesNotContain("申请尚未保存");
        MvcResult typed = phone.send(post("/portal/follow").param("caseNumber", n.group(1) + n.group(2) + " " + n.group(3))
                .param("code", opened[1]).param("_csrf", phone.csrf));
        assertThat(typed.getResponse().getStatus()).isEqualTo(302);
        assertThat(phone.page("/portal/cases/" + opened[0])).contains(opened[0]);
    }

    @Test
    void tenWrongAccessCodesLockTheCaseEvenAgainstTheRightOne() throws Exception {
        Browser applicant = new Browser("10.0.0.4");
        String[] opened = applied(applicant, "13800138004");
        Browser stranger = new Browser("10.0.0.5");

        for (int i = 0; i < 10; i++) {
            MvcResult wrong = stranger.send(post("/portal/follow").param("caseNumber", opened[0])
                    .param("code", "WRONGCODE" + i).param("_csrf", stranger.csrf));
            assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        }
        MvcResult right = stranger.send(post("/portal/follow").param("caseNumber", opened[0]).param("code", opened[1])
                .param("_csrf", stranger.csrf));
        assertThat(right.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(right)).contains("已暂时锁定");
        assertThat(stranger.send(get("/portal/cases/" + opened[0])).getResponse().getStatus()).isEqualTo(404);

        // the lock holds for its time, then the right code opens the case
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(31))));
        right = stranger.send(post("/portal/follow").param("caseNumber", opened[0]).param("code", opened[1].toLowerCase())
                .param("_csrf", stranger.csrf));
        assertThat(right.getResponse().getStatus()).isEqualTo(302);
        String page = stranger.page("/portal/cases/" + opened[0]);
        assertThat(page).contains("接下来会发生什么", "E123*567X").doesNotContain("E1234567X");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() throws Exception {
        Browser browser = new Browser("10.0.0.6");
        long cases = count("dc_case");
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/apply");
        application("13800138006", "123456").forEach(request::param);
        MvcResult r = browser.send(request);
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(count("dc_case")).isEqualTo(cases);
    }

    @Test
    void codesForOnePhoneAreLimitedPerHour() throws Exception {
        Browser browser = new Browser("10.0.0.7");
        for (int i = 0; i < 5; i++) {
            browser.code("13800138007", "APPLY");
        }
        MvcResult sixth = browser.send(post("/portal/codes").param("phone", "13800138007").param("purpose", "APPLY")
                .param("_csrf", browser.csrf));
        assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
        assertThat(body(sixth)).contains("try again in an hour");
        MvcResult badPhone = browser.send(post("/portal/codes").param("phone", "12345").param("purpose", "APPLY")
                .param("_csrf", browser.csrf));
        assertThat(badPhone.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badPhone)).contains("\"field\":\"phone\"");
    }

    @Test
    void theApplicantAsksForLegalAidThenWithdraws() throws Exception {
        Browser browser = new Browser("10.0.0.8");
        String caseNumber = applied(browser, "13800138008")[0];
        String casePage = "/portal/cases/" + caseNumber;

        MvcResult aid = browser.send(post(casePage + "/legal-aid").param("note", "收入低于当地最低工资").param("_csrf", browser.csrf));
        assertThat(aid.getResponse().getStatus()).isEqualTo(302);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("legal_aid").count()).isEqualTo(1);

        // every action's form names its bad field, or says the case is not at that step
        Map<String, String[]> refused = Map.of(
                "/claims", new String[] {"answer", "CORRECTION", "note", " ", "data-field=\"note\""},
                "/survey", new String[] {"note", "很好", "honoured", "on", "data-field=\"satisfaction\""},
                "/sign", new String[] {"documentId", "abc", "code", "123456", "data-field=\"documentId\""},
                "/evidence", new String[] {"note", "", "x", "", "data-field=\"evidence\""},
                "/archive", new String[] {"x", "", "y", "", "data-field=\"action\""});
        for (Map.Entry<String, String[]> action : refused.entrySet()) {
            String[] f = action.getValue();
            MvcResult r = browser.send(post(casePage + action.getKey()).param(f[0], f[1]).param(f[2], f[3])
                    .param("_csrf", browser.csrf));
            assertThat(r.getResponse().getStatus()).as(action.getKey()).isEqualTo(400);
            assertThat(body(r)).as(action.getKey()).contains(f[4]);
        }
        MvcResult unsigned = browser.send(post(casePage + "/sign").param("documentId", "1").param("code", "123456")
                .param("_csrf", browser.csrf));
        assertThat(body(unsigned)).contains("data-field=\"action\"", "案件当前不在这一步");

        MvcResult noReason = browser.send(post(casePage + "/withdraw").param("reason", " ").param("_csrf", browser.csrf));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason)).contains("data-field=\"reason\"");
        MvcResult withdrawn = browser.send(post(casePage + "/withdraw").param("reason", "已与单位和解").param("_csrf", browser.csrf));
        assertThat(withdrawn.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status || ':' || outcome FROM dc_case WHERE case_number = ?").param(caseNumber)
                .query(String.class).single()).isEqualTo("CLOSED:WITHDRAWN");

        // another browser without the code sees nothing of the case
        Browser other = new Browser("10.0.0.9");
        assertThat(other.send(get(casePage)).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void staffUseTheCalculatorThroughTheApi() throws Exception {
        MvcResult bad = mvc.perform(post("/api/calculator").header("Authorization", WANGFANG)
                .contentType("application/json").content("{\"monthlyWage\": -1, \"compensationDue\": true}")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("\"field\":\"monthlyWage\"", "\"field\":\"employedFrom\"");
        MvcResult good = mvc.perform(post("/api/calculator").header("Authorization", WANGFANG)
                .contentType("application/json").content("{\"organisation\": \"yuzhong\", \"monthlyWage\": 6000, "
                        + "\"compensationDue\": true, \"employedFrom\": \"2024-01-01\", \"employedUntil\": \"2024-07-01\"}"))
                .andReturn();
        assertThat(good.getResponse().getStatus()).isEqualTo(200);
        // 6,000 a month is below three times Chongqing's lowest minimum wage: the cap cannot apply, nothing is said of it
        assertThat(body(good)).contains("\"total\":6000.00", "TERM_COMPENSATION", "\"notes\":[]");
        MvcResult high = mvc.perform(post("/api/calculator").header("Authorization", WANGFANG)
                .contentType("application/json").content("{\"organisation\": \"yuzhong\", \"monthlyWage\": 9000, "
                        + "\"compensationDue\": true, \"employedFrom\": \"2024-01-01\", \"employedUntil\": \"2024-07-01\"}"))
                .andReturn();
        assertThat(body(high)).contains("\"total\":9000.00", "没有按上限算");
        assertThat(mvc.perform(post("/api/calculator").contentType("application/json").content("{}")).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    private static String chinaDaysAgo(long days) {
        return java.time.LocalDate.now(cn.labordispute.calendar.WorkingDayCalendar.ZONE).minusDays(days).toString();
    }

    private String getPage(String path) throws Exception {
        return body(mvc.perform(get(path)).andReturn());
    }

    /**
     * 我该怎么办？: unpaid wages while employed → mediation at the employer's office, with the application filled in;
     * a dismissal 13 months ago → arbitration with the time-limit warning; bad answers are 400 and named.
     */
    @Test
    void theGuideRecommendsAProcedureAndAnOfficeAndStartsTheApplication() throws Exception {
        String wages = body(mvc.perform(get("/portal/guide").param("happened", "WAGES").param("stillEmployed", "yes")
                .param("knewOn", chinaDaysAgo(40)).param("employerAddress", "重庆市渝中区解放碑")).andReturn());
        assertThat(wages).contains("建议：调解", "去哪里：</strong>重庆市渝中区劳动人事争议多元化解中心", "调解期限，一般为15日",
                "不受1年仲裁时效的限制");
        String link = field(wages, Pattern.compile("id=\"guide-apply\" href=\"([^\"]+)\"")).replace("&amp;", "&");
        assertThat(link).contains("procedure=MEDIATION", "organisation=yuzhong", "claimCause=PAY_ARREARS", "stillEmployed=true");
        String form = body(mvc.perform(get(java.net.URI.create(link))).andReturn());
        assertThat(form).containsPattern("value=\"MEDIATION\"\\s+checked")
                .containsPattern("value=\"yuzhong\"\\s+selected").containsPattern("value=\"PAY_ARREARS\"\\s+selected")
                .contains("id=\"claim-0\"").doesNotContain("id=\"claim-1\"");

        // dismissed 13 months ago: arbitration, and the warning that the year has passed
        String dismissal = getPage("/portal/guide?happened=DISMISSAL&stillEmployed=no&knewOn=" + chinaDaysAgo(396)
                + "&employmentEndedOn=" + chinaDaysAgo(396) + "&employerAddress=xyz");
        assertThat(dismissal).contains("建议：仲裁", "仲裁时效已于", "没能从地址判断区县");
        String english = getPage("/portal/guide?lang=en&happened=DISMISSAL&stillEmployed=no&knewOn=" + chinaDaysAgo(396));
        assertThat(english).contains("Our suggestion: arbitration", "ended on").doesNotContain("建议", "仲裁时效");

        // answers that cannot be read are named; nothing is advised
        MvcResult bad = mvc.perform(get("/portal/guide?happened=LOTTERY&knewOn=2026-02-30")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("请选择发生了什么", "请选择您现在是否还在这家单位工作", "日期格式应为")
                .doesNotContain("id=\"advice\"");
        MvcResult future = mvc.perform(get("/portal/guide?happened=WAGES&stillEmployed=no&employmentEndedOn="
                + chinaDaysAgo(-3))).andReturn();
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(future)).contains("日期不能晚于今天");
    }

    /** While typing: the office for the employer's address and where the one-year limit stands, from the server's check. */
    @Test
    void theApplicationSaysTheOfficeAndTheTimeLimitWhileTyping() throws Exception {
        String passed = body(mvc.perform(get("/portal/apply/check").param("employerAddress", "湖南省吉首市人民北路")
                .param("knewOn", chinaDaysAgo(396)).param("claimCause", "TERM_UNLAWFUL")).andReturn());
        assertThat(passed).contains("\"code\":\"jishou\"", "\"passed\":true", "仲裁时效已于");
        String running = body(mvc.perform(get("/portal/apply/check").param("knewOn", chinaDaysAgo(100))
                .param("claimCause", "TERM_UNLAWFUL")).andReturn());
        assertThat(running).contains("\"passed\":false", "届满，还有").doesNotContain("office");
        String employed = body(mvc.perform(get("/portal/apply/check").param("stillEmployed", "true")
                .param("claimCause", "TERM_NO_CONTRACT").param("claimCause", "PAY_ARREARS")).andReturn());
        assertThat(employed).contains("不受1年仲裁时效的限制");
        assertThat(body(mvc.perform(get("/portal/apply/check")).andReturn())).isEqualTo("{}");
        MvcResult bad = mvc.perform(get("/portal/apply/check").param("knewOn", "15/10/2026")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("\"field\":\"knewOn\"", "日期格式应为", "dates are written");
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 企业档案: staff register an enterprise's contact; the contact, verified by the credit code and a code sent to
     * their phone, sees the enterprise's cases and the risks noted for it — not the staff's description of a risk, not
     * another enterprise's; an unregistered phone, another organisation's member of staff and bad input change nothing.
     */
    @Test
    void anEnterprisesContactSeesItsCasesAndRisks() throws Exception {
        String credit = "91500103MA5U8XYM10";
        Browser worker = new Browser("10.0.5.1");
        String caseNumber = applied(worker, "13800138055")[0];
        String ours = risks.report(new cn.labordispute.prevention.RiskReport("yuzhong", "重庆星光文化传媒有限公司", credit,
                "STAFF", List.of(), 12, new java.math.BigDecimal("96000"), false, "内部记录：主播反映公司拖欠三个月提成", null),
                "liuyang");
        String theirs = risks.report(new cn.labordispute.prevention.RiskReport("yuzhong", "重庆渝建建筑劳务有限公司",
                "91500103MA5UK2LT71", "STAFF", List.of(), 3, new java.math.BigDecimal("9000"), false, "另一单位", null),
                "liuyang");

        // staff register the contact; bad input and another organisation are refused and store nothing
        long before = count("pt_employer_contact");
        MvcResult bad = mvc.perform(post("/supervision/employer-contacts").header("Authorization", basic("wangfang"))
                .param("organisation", "jishou").param("employerName", "").param("employerCreditCode", "91500103MA5U8XYM11")
                .param("contactName", "何丽").param("phone", "12345")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(bad)).contains("请更正以下内容，联系人尚未登记", "请填写单位名称", "统一社会信用代码", "请填写正确的手机号码");
        assertThat(count("pt_employer_contact")).isEqualTo(before);
        MvcResult registered = mvc.perform(post("/supervision/employer-contacts").header("Authorization", basic("wangfang"))
                .param("organisation", "yuzhong").param("employerName", "重庆星光文化传媒有限公司")
                .param("employerCreditCode", credit.toLowerCase()).param("contactName", "何丽").param("phone", "13900002222"))
                .andReturn();
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(count("pt_employer_contact")).isEqualTo(before + 1);
        long id = jdbc.sql("SELECT id FROM pt_employer_contact WHERE phone = '13900002222'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT data FROM ops_audit_event WHERE type = 'EMPLOYER_CONTACT_REGISTERED' AND principal = "
                + "'wangfang'").query(String.class).list()).anyMatch(d -> d.contains(credit) && d.contains("139****2222"));
        String list = body(mvc.perform(get("/supervision/employer-contacts").header("Authorization", basic("wangfang")))
                .andReturn());
        assertThat(list).contains("重庆星光文化传媒有限公司", "何丽", "139****2222", "王芳").doesNotContain("13900002222");
        // 吉首's mediator neither sees nor revokes 渝中's contact
        assertThat(body(mvc.perform(get("/supervision/employer-contacts").header("Authorization", basic("lixiaoyun")))
                .andReturn())).doesNotContain("139****2222");
        assertThat(mvc.perform(post("/supervision/employer-contacts/" + id + "/revoke").header("Authorization",
                basic("lixiaoyun"))).andReturn().getResponse().getStatus()).isEqualTo(404);

        // the contact opens the enterprise's page with the credit code and a code sent to the phone
        Browser contact = new Browser("10.0.5.2");
        assertThat(contact.send(get("/portal/employer")).getResponse().getStatus()).isEqualTo(404);
        MvcResult opened = contact.send(post("/portal/follow/employer").param("employerCreditCode", credit)
                .param("employerPhone", "13900002222").param("code", contact.code("13900002222", "LOOKUP"))
                .param("_csrf", contact.csrf));
        assertThat(opened.getResponse().getStatus()).as(body(opened)).isEqualTo(302);
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/portal/employer");
        String page = contact.page("/portal/employer");
        assertThat(page).contains("重庆星光文化传媒有限公司", caseNumber, ours, "处置中").doesNotContain(theirs, "内部记录",
                "13800138055", "E1234567X");

        // a phone that is not the enterprise's contact: told so, nothing shown
        Browser stranger = new Browser("10.0.5.3");
        MvcResult refused = stranger.send(post("/portal/follow/employer").param("employerCreditCode", credit)
                .param("employerPhone", "13900003333").param("code", stranger.code("13900003333", "LOOKUP"))
                .param("_csrf", stranger.csrf));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("这个手机号码不是该单位登记的联系人");
        assertThat(stranger.send(get("/portal/employer")).getResponse().getStatus()).isEqualTo(404);

        // revoked: the next verification fails
        assertThat(mvc.perform(post("/supervision/employer-contacts/" + id + "/revoke").header("Authorization",
                basic("wangfang"))).andReturn().getResponse().getStatus()).isEqualTo(302);
        Browser later = new Browser("10.0.5.4");
        assertThat(later.send(post("/portal/follow/employer").param("employerCreditCode", credit)
                .param("employerPhone", "13900002222").param("code", later.code("13900002222", "LOOKUP"))
                .param("_csrf", later.csrf)).getResponse().getStatus()).isEqualTo(400);
    }
}
