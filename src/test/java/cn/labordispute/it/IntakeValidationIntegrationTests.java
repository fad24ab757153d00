package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input to 一窗受理 is refused with HTTP 400 naming the field, and nothing is stored and no process started. */
@StaffApiTest
class IntakeValidationIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;

    StaffClient mediator;

    @BeforeEach
    void staff() {
        mediator = new StaffClient(http, "wangfang", "demo");
    }

    private void assertRefused(Consumer<Map<String, Object>> spoil, String field) {
        long cases = jdbc.sql("SELECT COUNT(*) FROM dc_case").query(Long.class).single();
        long parties = jdbc.sql("SELECT COUNT(*) FROM dc_party").query(Long.class).single();
        long instances = runtime.createProcessInstanceQuery().count();
        Map<String, Object> application = Applications.mediation("yuzhong");
        spoil.accept(application);

        ResponseEntity<Map<String, Object>> answer = mediator.openCase(application);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) answer.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains(field);
        assertThat(errors).as("each error in Chinese and in English, from the bundles").allSatisfy(e -> {
            assertThat(e.get("message")).containsPattern("\\p{IsHan}").doesNotContain(" / ");
            assertThat(e.get("messageEn")).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dc_case").query(Long.class).single()).isEqualTo(cases);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dc_party").query(Long.class).single()).isEqualTo(parties);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void refusesApplicationWithoutWorkers() {
        assertRefused(a -> a.put("workers", List.of()), "workers");
    }

    @Test
    void refusesApplicationWithoutEmployer() {
        assertRefused(a -> a.remove("employer"), "employer");
    }

    @Test
    void refusesResidentIdWithWrongCheckCharacter() {
        assertRefused(a -> Applications.firstWorker(a).put("idNumber", "500103199001011233"), "workers[0].idNumber");
    }

    @Test
    void refusesResidentIdWithImpossibleBirthDate() {
        assertRefused(a -> Applications.firstWorker(a).put("idNumber", "500103199002301234"), "workers[0].idNumber");
    }

    @Test
    void refusesCreditCodeWithWrongCheckCharacter() {
        assertRefused(a -> Applications.employer(a).put("creditCode", "91500103MA5U8XYM11"), "employer.creditCode");
    }

    @Test
    void refusesNegativeAmount() {
        assertRefused(a -> Applications.firstClaim(a).put("amount", new BigDecimal("-1.00")), "claims[0].amount");
    }

    @Test
    void refusesAmountWithFractionsOfAFen() {
        assertRefused(a -> Applications.firstClaim(a).put("amount", new BigDecimal("10.005")), "claims[0].amount");
    }

    @Test
    void refusesUnknownCaseCause() {
        assertRefused(a -> Applications.firstClaim(a).put("causeCode", "NO_SUCH_CAUSE"), "claims[0].causeCode");
    }

    @Test
    void refusesAmountThatIsNotANumber() {
        assertRefused(a -> Applications.firstClaim(a).put("amount", "三千元"), "claims[0].amount");
    }

    @Test
    void refusesUnknownProcedureAndOrganisation() {
        assertRefused(a -> a.put("requestedProcedure", "LAWSUIT"), "requestedProcedure");
        assertRefused(a -> a.put("organisation", "nowhere"), "organisation");
    }

    @Test
    void refusesTheSameWorkerTwice() {
        assertRefused(a -> ((List<Map<String, Object>>) a.get("workers")).add(
                Applications.worker("刘小雨", Applications.WORKER_IDS[0])), "workers[2].idNumber");
    }

    @Test
    void acceptsPassportAndHongKongPermit() {
        Map<String, Object> a = Applications.mediation("yuzhong");
        Applications.firstWorker(a).putAll(Map.of("idType", "PASSPORT", "idNumber", "E12345678"));
        @SuppressWarnings("unchecked")
        Map<String, Object> second = ((List<Map<String, Object>>) a.get("workers")).get(1);
        second.putAll(Map.of("idType", "HMT_PERMIT", "idNumber", "H12345678"));

        assertThat(mediator.openCase(a).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesCallerWithoutCredentials() {
        ResponseEntity<String> answer = http.postForEntity("/api/cases", Applications.mediation("yuzhong"), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesOpeningCasesForAnotherOrganisation() {
        StaffClient jishouMediator = new StaffClient(http, "lixiaoyun", "demo");
        long cases = jdbc.sql("SELECT COUNT(*) FROM dc_case").query(Long.class).single();

        assertThat(jishouMediator.openCase(Applications.mediation("yuzhong")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dc_case").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void refusesUnknownStageInTheCaseList() {
        ResponseEntity<Map<String, Object>> answer = mediator.listCases("?stage=NOWHERE");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("stage");
    }
}
