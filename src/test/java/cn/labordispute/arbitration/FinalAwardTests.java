package cn.labordispute.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.arbitration.FinalAwardTest.Classified;
import cn.labordispute.arbitration.FinalAwardTest.Item;
import cn.labordispute.cases.CaseCauses;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The final-award test at its boundaries: exactly 12 x the monthly minimum wage is final, one fen more is not, in two
 * regions and on each side of a minimum-wage change; working-hours, rest and social-insurance disputes under national
 * standards are final whatever the amount; an area whose standard is unknown is left to the arbitrator; a mixed award
 * is decided item by item. The decision is bpmn/final-award.dmn itself, evaluated by the DMN engine.
 */
class FinalAwardTests {

    static FinalAwardTest test;

    @BeforeAll
    static void decisionAndTables() throws IOException {
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        try (InputStream in = new FileInputStream("bpmn/final-award.dmn")) {
            decision = dmn.parseDecision("final_award", in);
        }
        test = new FinalAwardTest(new CaseCauses(new ClassPathResource("policy/case-causes.csv")),
                new MinimumWages(new ClassPathResource("policy/minimum-wages.csv")), code -> Optional.empty(), variables -> {
                    DmnDecisionRuleResult rule = dmn.evaluateDecisionTable(decision, variables).getSingleResult();
                    return rule == null ? Optional.<Map<String, Object>>empty() : Optional.of(rule.getEntryMap());
                }, FinalAwardTest.WageDate.AWARD);
    }

    private static Classified one(String region, String area, String day, String cause, String amount) {
        return test.classify(region, area, LocalDate.parse(day), List.of(new Item(cause, new BigDecimal(amount), false))).get(0);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {4} yuan → final {5}")
    @CsvSource({
        // 重庆渝中区: 2,330 from 2025-07-01 (ceiling 27,960), 2,100 before (ceiling 25,200)
        "重庆市, 渝中区, 2025-07-01, TERM_UNLAWFUL, 27960.00, true",
        "重庆市, 渝中区, 2025-07-01, TERM_UNLAWFUL, 27960.01, false",
        "重庆市, 渝中区, 2025-06-30, PAY_ARREARS, 25200.00, true",
        "重庆市, 渝中区, 2025-06-30, PAY_ARREARS, 25200.01, false",
        "重庆市, 渝中区, 2025-06-30, PAY_ARREARS, 27960.00, false",
        // 北京 (the whole region, 大兴区 included): 2,540 from 2025-09-01 (30,480), 2,420 before (29,040)
        "北京市, 大兴区, 2025-09-01, TERM_COMPENSATION, 30480.00, true",
        "北京市, 大兴区, 2025-09-01, TERM_COMPENSATION, 30480.01, false",
        "北京市, 大兴区, 2025-08-31, TERM_COMPENSATION, 29040.00, true",
        "北京市, 大兴区, 2025-08-31, TERM_COMPENSATION, 29040.01, false",
        // work-injury medical costs (SI_INJURY) count as money
        "上海市, 浦东新区, 2025-07-01, SI_INJURY, 32880.00, true",
        "上海市, 浦东新区, 2025-07-01, SI_INJURY, 32880.01, false",
    })
    void aMoneyItemIsFinalUpToTwelveTimesTheMonthlyMinimumWage(String region, String area, String day, String cause,
            String amount, boolean expected) {
        Classified c = one(region, area, day, cause, amount);
        assertThat(c.finalItem()).isEqualTo(expected);
        assertThat(c.basis()).contains(expected ? "第四十七条第（一）项" : "超过");
        assertThat(c.ceiling()).isNotNull();
    }

    @Test
    void theCeilingAndTheStandardUsedAreStatedAndAnUnverifiedStandardIsFlagged() {
        Classified chongqing = one("重庆市", "渝中区", "2026-11-30", "PAY_ARREARS", "1000");
        assertThat(chongqing.ceiling()).isEqualByComparingTo("27960");
        assertThat(chongqing.standard()).contains("2330").contains("未核实");
        assertThat(chongqing.needsReview()).isTrue();
        Classified shanghai = one("上海市", "浦东新区", "2026-11-30", "PAY_ARREARS", "1000");
        assertThat(shanghai.standard()).doesNotContain("未核实");
        assertThat(shanghai.needsReview()).isFalse();
    }

    @Test
    void nationalStandardsDisputesAreFinalWhateverTheAmountOthersAreNot() {
        List<Classified> items = test.classify("重庆市", "渝中区", LocalDate.parse("2026-11-30"), List.of(
                new Item("REST_HOURS", new BigDecimal("90000"), true),
                new Item("REST_HOURS", new BigDecimal("100"), false),
                new Item("REL_PLATFORM", null, false)));
        assertThat(items).extracting(Classified::finalItem).containsExactly(true, false, false);
        assertThat(items.get(0).basis()).contains("第四十七条第（二）项");
        assertThat(items.get(2).basis()).contains("不属于");
        assertThat(items.get(0).ceiling()).isNull();
    }

    @Test
    void whereTheAreasStandardIsUnknownTheArbitratorDecides() {
        Classified jishou = one("湖南省", "吉首市", "2026-11-30", "PAY_ARREARS", "5600");
        assertThat(jishou.finalItem()).isNull();
        assertThat(jishou.needsReview()).isTrue();
        assertThat(jishou.basis()).contains("未查明");
        assertThat(jishou.standard()).contains("湖南省吉首市").contains("未查明");
        // before the earliest row there is no standard either
        assertThat(one("重庆市", "渝中区", "2020-01-01", "PAY_ARREARS", "100").finalItem()).isNull();
    }

    @Test
    void aMixedAwardIsDecidedItemByItem() {
        List<Classified> items = test.classify("重庆市", "渝中区", LocalDate.parse("2026-11-30"), List.of(
                new Item("PAY_INJURY_LEAVE", new BigDecimal("15600.00"), false),
                new Item("TERM_UNLAWFUL", new BigDecimal("42000.00"), false)));
        assertThat(items).extracting(Classified::finalItem).containsExactly(true, false);
        assertThat(FinalAwardTest.summary(items)).contains("第1项 停工留薪期工资 15,600.00 元：终局裁决")
                .contains("第2项 违法解除劳动合同赔偿金 42,000.00 元：非终局裁决").contains("限额 27,960.00 元");
    }

    @Test
    void theTableRefusesABadRowNamingItsLine() {
        org.springframework.core.io.ByteArrayResource bad = new org.springframework.core.io.ByteArrayResource(
                "region,area,tier,monthly,hourly,effective_from,source,verified\n重庆市,渝中区,第一档,abc,23,2025-07-01,x,no\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "minimum-wages.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MinimumWages(bad))
                .hasMessageContaining("line 2").hasMessageContaining("monthly");
    }
}
