package cn.labordispute.deadlines;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Periods by their Chinese names on every page: templates write {@code ${periodNames.of(code)}} (调解期限（15日）),
 * read from the periods table as it is now, never the code.
 */
@ControllerAdvice(annotations = Controller.class)
public class PeriodNames {

    private final StatutoryPeriods periods;

    PeriodNames(StatutoryPeriods periods) {
        this.periods = periods;
    }

    @ModelAttribute("periodNames")
    PeriodNames periodNames() {
        return this;
    }

    /** 调解期限（15日）; 约定期限 for none; a code the table no longer has as 已停用的期间. */
    public String of(String code) {
        if (code == null || code.isBlank()) {
            return "约定期限";
        }
        if (!periods.contains(code)) {
            return "已停用的期间";
        }
        StatutoryPeriod p = periods.get(code);
        return p.title() + "（" + p.describe() + "）";
    }
}
