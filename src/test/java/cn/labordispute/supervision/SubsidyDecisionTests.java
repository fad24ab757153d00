package cn.labordispute.supervision;

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

/** The 以案定补 table: each case type and outcome gets its row, the first that matches. */
class SubsidyDecisionTests {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void table() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/case-subsidy.dmn")) {
            decision = dmn.parseDecision("case_subsidy", in);
        }
    }

    @ParameterizedTest(name = "collective {0}, {1} → {2} yuan")
    @CsvSource({
        "true, AGREEMENT_FULFILLED, 1000, 集体争议调解成功并履行",
        "true, SETTLEMENT_FULFILLED, 1000, 集体争议调解成功并履行",
        "true, AWARD_EFFECTIVE, 300, 集体争议调解，未在调解中化解",
        "true, WITHDRAWN, 300, 集体争议调解，未在调解中化解",
        "false, AGREEMENT_FULFILLED, 300, 调解成功并履行",
        "false, WITHDRAWN, 50, 调解中申请人撤回",
        "false, JUDGMENT_EFFECTIVE, 100, 参与调解，在后续环节结案",
        "false, SETTLEMENT_FULFILLED, 100, 参与调解，在后续环节结案",
    })
    void givesEachCaseItsSubsidy(boolean collective, String outcome, double amount, String basis) {
        DmnDecisionRuleResult rule = dmn.evaluateDecisionTable(decision,
                Map.of("collective", collective, "caseOutcome", outcome)).getFirstResult();
        assertThat(((Number) rule.getEntry("subsidy")).doubleValue()).isEqualTo(amount);
        assertThat((Object) rule.getEntry("basis")).isEqualTo(basis);
    }
}
