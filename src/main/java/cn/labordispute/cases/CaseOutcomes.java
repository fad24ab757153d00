package cn.labordispute.cases;

import java.util.Map;

/** The outcomes a case can close with, in words a person reads. */
public final class CaseOutcomes {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("SETTLEMENT_FULFILLED", "和解协议已履行"),
            Map.entry("AGREEMENT_FULFILLED", "调解协议已履行"),
            Map.entry("ARBITRATION_MEDIATED", "仲裁调解结案"),
            Map.entry("AWARD_EFFECTIVE", "仲裁裁决生效"),
            Map.entry("ARBITRATION_NOT_PURSUED", "不予受理后未起诉"),
            Map.entry("JUDGMENT_EFFECTIVE", "法院裁判生效"),
            Map.entry("COURT_MEDIATED", "法院调解结案"),
            Map.entry("NOT_FILED", "法院不予立案"),
            Map.entry("PAYMENT_ORDER_PAID", "支付令已履行"),
            Map.entry("PAYMENT_ORDER_EFFECTIVE", "支付令生效"),
            Map.entry("AWARD_SET_ASIDE", "仲裁裁决被撤销，未起诉"),
            Map.entry("WITHDRAWN", "申请人撤回"),
            Map.entry(CollectiveWorkers.SETTLED_IN_MEDIATION, "达成调解协议，待履行"));

    private CaseOutcomes() {
    }

    public static String label(String outcome) {
        return LABELS.getOrDefault(outcome, outcome);
    }
}
