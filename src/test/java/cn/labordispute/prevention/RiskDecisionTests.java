package cn.labordispute.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The risk decision tables at their thresholds: grading (level and category) and the intake case-cluster rule. */
class RiskDecisionTests {

    private static DmnEngine dmn;
    private static DmnDecision grading;
    private static DmnDecision cluster;

    @BeforeAll
    static void tables() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/risk-grading.dmn")) {
            grading = dmn.parseDecision("risk_grading", in);
        }
        try (InputStream in = new FileInputStream("bpmn/risk-cluster.dmn")) {
            cluster = dmn.parseDecision("risk_cluster", in);
        }
    }

    @ParameterizedTest(name = "{0} workers, {1} yuan, {2}, petition {3} → {4} {5}")
    @CsvSource({
        "9, 199999.99, STAFF, false, GENERAL, INDIVIDUAL",
        "10, 0, STAFF, false, SIGNIFICANT, COLLECTIVE",
        "29, 0, STAFF, false, SIGNIFICANT, COLLECTIVE",
        "30, 0, STAFF, false, MAJOR, COLLECTIVE",
        "1, 200000, STAFF, false, SIGNIFICANT, WAGE_ARREARS",
        "1, 999999.99, STAFF, false, SIGNIFICANT, WAGE_ARREARS",
        "1, 1000000, STAFF, false, MAJOR, WAGE_ARREARS",
        "1, 0, STAFF, true, MAJOR, MASS_INCIDENT",
        "1, 0, PETITION, false, MAJOR, MASS_INCIDENT",
        "1, 0, PUBLIC_OPINION, false, MAJOR, MASS_INCIDENT",
        "3, 5000, SOCIAL_INSURANCE_ARREARS, false, GENERAL, SOCIAL_INSURANCE",
        "3, 5000, INTAKE_CLUSTER, false, GENERAL, WAGE_ARREARS",
        "45, 540000, COLLECTIVE_CASE, false, MAJOR, COLLECTIVE",
    })
    void gradesARiskByItsThresholds(int workers, double amount, String source, boolean petition, String level,
            String category) {
        DmnDecisionRuleResult rule = dmn.evaluateDecisionTable(grading,
                Map.of("workers", workers, "amount", amount, "source", source, "petitionRisk", petition)).getFirstResult();
        assertThat(rule.getEntryMap()).containsEntry("level", level).containsEntry("category", category);
    }

    @ParameterizedTest(name = "{0} open cases → raise {1}")
    @CsvSource({"1, false", "2, false", "3, true", "10, true"})
    void raisesACaseClusterRiskFromTheThirdOpenCase(int openCases, boolean raise) {
        Object raised = dmn.evaluateDecisionTable(cluster, Map.of("openCases", openCases)).getSingleResult()
                .getEntry("raiseRisk");
        assertThat(raised).isEqualTo(raise);
    }
}
