package cn.labordispute.cases;

/** Where a case is in the chain. The case record keeps this in step with the running process. */
public enum CaseStage {
    INTAKE("受理"),
    NEGOTIATION("协商"),
    MEDIATION("调解"),
    FULFILMENT("履行"),
    ARBITRATION("仲裁"),
    LITIGATION("诉讼"),
    FOLLOW_UP("回访"),
    ARCHIVED("归档");

    private final String label;

    CaseStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
