package cn.labordispute.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A case number as a person types it without 〔〕 is written as the system writes it, for a known prefix only. */
class CaseNumbersTests {

    private static final List<String> PREFIXES = List.of("渝中劳调", "吉首劳调");

    @Test
    void typedNumbersBecomeTheirCanonicalForm() {
        for (String typed : List.of("渝中劳调2026 15", "渝中劳调2026-00015", "渝中劳调〔2026〕15号", " 渝中劳调〔2026〕00015号 ",
                "渝中劳调[2026]15", "渝中劳调（2026）00015")) {
            assertThat(CaseNumbers.canonical(typed, PREFIXES)).as(typed).isEqualTo("渝中劳调〔2026〕00015号");
        }
    }

    @Test
    void anUnknownPrefixOrNoNumberIsLeftAsTyped() {
        assertThat(CaseNumbers.canonical("北京劳调2026 15", PREFIXES)).isEqualTo("北京劳调2026 15");
        assertThat(CaseNumbers.canonical("刘小雨", PREFIXES)).isEqualTo("刘小雨");
        assertThat(CaseNumbers.canonical(null, PREFIXES)).isEmpty();
    }
}
