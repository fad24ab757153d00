package cn.labordispute.cases;

/** A case cause (案由) from the taxonomy. */
public record CaseCause(String code, String name, String parentCode, String courtCause, boolean paymentOrderEligible,
        String finalAwardCategory, String disputeKind, String guideTopic, String nameEn) {

    /** 人事争议 (public institutions), as opposed to 劳动争议. */
    public boolean personnel() {
        return "PERSONNEL".equals(disputeKind);
    }
}
