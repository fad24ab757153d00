package cn.labordispute.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatsTests {

    private final Formats fmt = new Formats();

    @ParameterizedTest
    @CsvSource({
        "0, 人民币零元整",
        "0.05, 人民币零元伍分",
        "2000, 人民币贰仟元整",
        "4000.00, 人民币肆仟元整",
        "1005, 人民币壹仟零伍元整",
        "10050, 人民币壹万零伍拾元整",
        "10200.5, 人民币壹万零贰佰元伍角整",
        "100000, 人民币壹拾万元整",
        "123456.78, 人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
        "315000, 人民币叁拾壹万伍仟元整",
        "100010000, 人民币壹亿零壹万元整",
        "6200.05, 人民币陆仟贰佰元零伍分"})
    void writesMoneyInChineseCapitals(String amount, String expected) {
        assertThat(fmt.upper(new BigDecimal(amount))).isEqualTo(expected);
    }

    @Test
    void writesDatesAndMoneyAsDocumentsPrintThem() {
        assertThat(fmt.date(LocalDate.of(2026, 10, 5))).isEqualTo("2026年10月5日");
        assertThat(fmt.date("2026-10-05")).isEqualTo("2026年10月5日");
        assertThat(fmt.dateTime("2026-10-05T09:30:00")).isEqualTo("2026年10月5日 09:30");
        assertThat(fmt.money(10200.5)).isEqualTo("10,200.50");
        assertThat(fmt.money(null)).isEmpty();
    }
}
