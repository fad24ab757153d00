package cn.labordispute.portal;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 我该怎么办？ — the guide's decision table (bpmn/party-guide.dmn) at its boundaries: the days left before the one-year
 * limit ends (null: no limit runs or no date given; negative: passed), what happened, still employed or not.
 */
class PartyGuideDecisionTests {

    private static DmnEngine dmn;
    private static DmnDecision guide;

    @BeforeAll
    static void table() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/party-guide.dmn")) {
            guide = dmn.parseDecision(PartyGuide.DECISION, in);
        }
    }

    private static DmnDecisionRuleResult advise(String happened, boolean employed, Integer daysLeft) {
        Map<String, Object> v = new HashMap<>();
        v.put("happened", happened);
        v.put("stillEmployed", employed);
        v.put("limitationDaysLeft", daysLeft);
        return dmn.evaluateDecisionTable(guide, v).getFirstResult();
    }

    @ParameterizedTest(name = "{0}, employed {1}, {2} days left → {3}")
    @CsvSource(nullValues = "null", value = {
        // the limit has passed (a dismissal 13 months ago): arbitration, whatever happened
        "DISMISSAL, false, -30, ARBITRATION",
        "DISMISSAL, false, -1, ARBITRATION",
        "WAGES, false, -1, ARBITRATION",
        "INJURY, false, -400, ARBITRATION",
        // less than two months left: arbitration keeps the rights
        "DISMISSAL, false, 0, ARBITRATION",
        "DISMISSAL, false, 60, ARBITRATION",
        "OTHER, true, 60, ARBITRATION",
        // more than that: by what happened
        "DISMISSAL, false, 61, MEDIATION",
        "DISMISSAL, false, null, MEDIATION",
        "INJURY, true, 61, MEDIATION",
        "INJURY, false, null, MEDIATION",
        // unpaid wages while still employed: no limit runs, mediation
        "WAGES, true, null, MEDIATION",
        "OVERTIME, true, null, MEDIATION",
        "WAGES, false, 61, MEDIATION",
        // still employed, no contract, social insurance or other: talk to the employer first
        "NO_CONTRACT, true, 61, NEGOTIATION",
        "SOCIAL_INSURANCE, true, null, NEGOTIATION",
        "OTHER, true, 300, NEGOTIATION",
        "NO_CONTRACT, false, 61, MEDIATION",
        "SOCIAL_INSURANCE, false, null, MEDIATION",
        "OTHER, false, 365, MEDIATION",
    })
    void recommendsAProcedure(String happened, boolean employed, Integer daysLeft, String procedure) {
        assertThat(advise(happened, employed, daysLeft).<String>getEntry("procedure")).isEqualTo(procedure);
    }

    @Test
    void everyRuleExplainsItselfInBothLanguages() {
        for (String topic : PartyGuide.TOPICS) {
            for (boolean employed : new boolean[] {true, false}) {
                for (Integer days : new Integer[] {null, -1, 0, 60, 61}) {
                    DmnDecisionRuleResult rule = advise(topic, employed, days);
                    String zh = rule.getEntry("advice");
                    assertThat(zh.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count())
                            .as(topic + employed + days).isGreaterThan(30);
                    assertThat(rule.<String>getEntry("adviceEn")).as(topic + employed + days).matches("[A-Z][\\x20-\\x7e]{40,}");
                }
            }
        }
    }

    @Test
    void aPassedLimitSaysWhatCanStillSaveIt() {
        String advice = advise("DISMISSAL", false, -30).getEntry("advice");
        assertThat(advice).contains("时效").contains("重新计算").contains("仍然可以申请仲裁");
    }
}
