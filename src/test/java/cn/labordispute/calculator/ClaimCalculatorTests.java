package cn.labordispute.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClaimCalculatorTests {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static ClaimCalculator.Input severance(String wage, LocalDate from, LocalDate until, boolean unlawful,
            String average) {
        return new ClaimCalculator.Input(new BigDecimal(wage), null, null, null, null, from, until, unlawful, !unlawful,
                null, average == null ? null : new BigDecimal(average), null);
    }

    private static ClaimCalculator.Line only(ClaimCalculator.Result r) {
        assertThat(r.lines()).hasSize(1);
        return r.lines().get(0);
    }

    @Test
    void fiveMonthsAndTwentyNineDaysOfServiceCountAsHalfAMonth() {
        assertThat(ClaimCalculator.compensationMonths(START, LocalDate.of(2024, 6, 30))).isEqualByComparingTo("0.5");
        ClaimCalculator.Line line = only(ClaimCalculator.calculate(severance("6000", START, LocalDate.of(2024, 6, 30), false, null)));
        assertThat(line.amount()).isEqualByComparingTo("3000.00");
        assertThat(line.causeCode()).isEqualTo("TERM_COMPENSATION");
        assertThat(line.article()).contains("第四十七条");
        assertThat(line.working()).contains("0 年 5 个月 29 日");
    }

    @Test
    void exactlySixMonthsOfServiceCountAsAFullMonth() {
        assertThat(ClaimCalculator.compensationMonths(START, LocalDate.of(2024, 7, 1))).isEqualByComparingTo("1");
        assertThat(only(ClaimCalculator.calculate(severance("6000", START, LocalDate.of(2024, 7, 1), false, null))).amount())
                .isEqualByComparingTo("6000.00");
    }

    @Test
    void fullYearsAndAShortRemainderAddHalfAMonth() {
        assertThat(ClaimCalculator.compensationMonths(START, LocalDate.of(2027, 1, 1))).isEqualByComparingTo("3");
        assertThat(ClaimCalculator.compensationMonths(START, LocalDate.of(2027, 1, 2))).isEqualByComparingTo("3.5");
        assertThat(ClaimCalculator.compensationMonths(START, LocalDate.of(2027, 7, 1))).isEqualByComparingTo("4");
    }

    @Test
    void unlawfulTerminationPaysTwiceTheCompensation() {
        ClaimCalculator.Line line = only(ClaimCalculator.calculate(severance("6000", START, LocalDate.of(2026, 7, 1), true, null)));
        assertThat(line.causeCode()).isEqualTo("TERM_UNLAWFUL");
        assertThat(line.amount()).isEqualByComparingTo("36000.00"); // 2 years 6 months = 3 months, x 6000 x 2
        assertThat(line.article()).contains("第八十七条");
    }

    @Test
    void aWageAtThreeTimesTheAverageIsNotCapped() {
        ClaimCalculator.Line line = only(ClaimCalculator.calculate(
                severance("30000", START, LocalDate.of(2026, 1, 1), false, "10000")));
        assertThat(line.amount()).isEqualByComparingTo("60000.00");
        assertThat(line.working()).doesNotContain("三倍");
    }

    @Test
    void aWageAboveThreeTimesTheAverageIsCappedAtThreeTimes() {
        ClaimCalculator.Line line = only(ClaimCalculator.calculate(
                severance("30000.01", START, LocalDate.of(2026, 1, 1), false, "10000")));
        assertThat(line.amount()).isEqualByComparingTo("60000.00");
        assertThat(line.working()).contains("三倍 30000.00 元");
        assertThat(line.article()).isEqualTo("《劳动合同法》第四十七条第二款");
    }

    @Test
    void aCappedWorkerGetsAtMostTwelveYears() {
        LocalDate from = LocalDate.of(2006, 1, 1);
        ClaimCalculator.Line twelve = only(ClaimCalculator.calculate(severance("40000", from, LocalDate.of(2018, 1, 1), false, "10000")));
        assertThat(twelve.amount()).isEqualByComparingTo("360000.00");
        ClaimCalculator.Line twenty = only(ClaimCalculator.calculate(severance("40000", from, LocalDate.of(2026, 3, 1), false, "10000")));
        assertThat(twenty.amount()).isEqualByComparingTo("360000.00");
        assertThat(twenty.working()).contains("最多十二年，计 12 个月");
    }

    @Test
    void anUncappedWorkerCountsEveryYear() {
        LocalDate from = LocalDate.of(2006, 1, 1);
        ClaimCalculator.Line line = only(ClaimCalculator.calculate(severance("20000", from, LocalDate.of(2026, 1, 1), false, "10000")));
        assertThat(line.amount()).isEqualByComparingTo("400000.00");
    }

    @Test
    void withoutAnAverageWageTheCapIsLeftForAPersonToCheck() {
        ClaimCalculator.Result r = ClaimCalculator.calculate(severance("50000", START, LocalDate.of(2025, 1, 1), false, null));
        assertThat(only(r).amount()).isEqualByComparingTo("50000.00");
        assertThat(r.notes()).anyMatch(n -> n.contains("没有按上限算"));
    }

    /**
     * Without the average, a wage at or below three times the lowest local minimum wage (2,330 × 3 = 6,990) cannot reach
     * the cap, so nothing is said about it; above that the cap is explained, in English on the English page.
     */
    @Test
    void theCapIsExplainedOnlyWhereItMayApply() {
        BigDecimal floor = new BigDecimal("6990");
        ClaimCalculator.Result low = ClaimCalculator.calculate(new ClaimCalculator.Input(new BigDecimal("6990"), null, null,
                null, null, START, LocalDate.of(2025, 1, 1), false, true, null, null, null, floor));
        assertThat(low.notes()).isEmpty();
        assertThat(only(low).amount()).isEqualByComparingTo("6990.00");
        ClaimCalculator.Result high = ClaimCalculator.calculate(new ClaimCalculator.Input(new BigDecimal("6990.01"), null,
                null, null, null, START, LocalDate.of(2025, 1, 1), false, true, null, null, null, floor), true);
        assertThat(high.notes()).singleElement().asString().contains("We do not know the local average here");
        assertThat(only(high).label()).isEqualTo("Economic compensation (N)");
        assertThat(only(high).working()).isEqualTo("Service of 1 year 0 months 0 days: 1 × the monthly wage"
                + "; monthly wage counted: 6990.01 yuan");
    }

    @Test
    void overtimeIsPaidAt150200And300Percent() {
        ClaimCalculator.Result r = ClaimCalculator.calculate(new ClaimCalculator.Input(new BigDecimal("4350"), null,
                new BigDecimal("10"), new BigDecimal("8"), new BigDecimal("8"), null, null, false, false, null, null, null));
        // hourly 4350 / 21.75 / 8 = 25.00
        assertThat(r.lines()).extracting(ClaimCalculator.Line::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("375.00"), new BigDecimal("400.00"), new BigDecimal("600.00"));
        assertThat(r.lines()).extracting(ClaimCalculator.Line::article).containsExactly(
                "《劳动法》第四十四条第（一）项", "《劳动法》第四十四条第（二）项", "《劳动法》第四十四条第（三）项");
        assertThat(r.total()).isEqualByComparingTo("1375.00");
    }

    @Test
    void doubleWagesWithoutAWrittenContractStopAtElevenMonths() {
        ClaimCalculator.Result eleven = ClaimCalculator.calculate(new ClaimCalculator.Input(new BigDecimal("5000"), null,
                null, null, null, null, null, false, false, 11, null, null));
        assertThat(only(eleven).amount()).isEqualByComparingTo("55000.00");
        assertThat(eleven.notes()).isEmpty();
        ClaimCalculator.Result fifteen = ClaimCalculator.calculate(new ClaimCalculator.Input(new BigDecimal("5000"), null,
                null, null, null, null, null, false, false, 15, null, null));
        assertThat(only(fifteen).amount()).isEqualByComparingTo("55000.00");
        assertThat(only(fifteen).article()).contains("第八十二条");
        assertThat(fifteen.notes()).anyMatch(n -> n.contains("十一个月"));
    }

    @Test
    void unpaidWagesAreClaimedAsEntered() {
        ClaimCalculator.Result r = ClaimCalculator.calculate(new ClaimCalculator.Input(null, new BigDecimal("12000.5"),
                null, null, null, null, null, false, false, null, null, null));
        assertThat(only(r).causeCode()).isEqualTo("PAY_ARREARS");
        assertThat(r.total()).isEqualByComparingTo("12000.50");
    }

    @Test
    void ratesNeedAMonthlyWage() {
        ClaimCalculator.Result r = ClaimCalculator.calculate(new ClaimCalculator.Input(null, null, new BigDecimal("3"),
                null, null, null, null, false, false, null, null, null));
        assertThat(r.lines()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("请填写月工资"));
    }
}
