package cn.labordispute.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admissibility table, every rule: scope first, then the limitation (true, false, not checked). */
class AdmissibilityDecisionTests {

    private static DmnEngine dmn;
    private static DmnDecision table;

    @BeforeAll
    static void table() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/arbitration-admissibility.dmn")) {
            table = dmn.parseDecision("arbitration_admissibility", in);
        }
    }

    @ParameterizedTest(name = "{0}, time-barred {1} → {2}")
    @CsvSource(nullValues = "null", value = {
        "WITHIN_SCOPE, false, ADMISSIBLE",
        "WITHIN_SCOPE, true, TIME_BARRED",
        "WITHIN_SCOPE, null, LIMITATION_NOT_CHECKED",
        "NOT_LABOUR_DISPUTE, false, OUT_OF_SCOPE",
        "NOT_LABOUR_DISPUTE, true, OUT_OF_SCOPE",
        "OTHER_AUTHORITY, null, OUT_OF_SCOPE",
        "OTHER_AUTHORITY, true, OUT_OF_SCOPE"})
    void decides(String scope, Boolean timeBarred, String expected) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("disputeScope", scope);
        inputs.put("timeBarred", timeBarred);
        DmnDecisionRuleResult rule = dmn.evaluateDecisionTable(table, inputs).getFirstResult();
        assertThat(rule.<String>getEntry("admissibility")).isEqualTo(expected);
        assertThat(rule.<String>getEntry("reason")).isNotBlank();
    }
}
