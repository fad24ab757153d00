package cn.labordispute.cases;

import cn.labordispute.text.Texts;

/** Where a case is in the chain. The case record keeps this in step with the running process. */
public enum CaseStage {
    INTAKE, NEGOTIATION, MEDIATION, FULFILMENT, ARBITRATION, LITIGATION, FOLLOW_UP, ARCHIVED;

    /** The stage in words (case.stage.* in the bundles): 受理, 调解 … */
    public String label() {
        return Texts.zh("case.stage." + name());
    }
}
