package cn.labordispute.cases;

import cn.labordispute.text.Texts;

/** The outcomes a case can close with, in words a person reads (case.outcome.* in the bundles). */
public final class CaseOutcomes {

    private CaseOutcomes() {
    }

    public static String label(String outcome) {
        return Texts.zhOr("case.outcome." + outcome, outcome);
    }
}
