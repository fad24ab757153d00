package cn.labordispute.cases;

/** A case cause (案由) from the taxonomy. */
public record CaseCause(String code, String name, String parentCode, String courtCause, boolean paymentOrderEligible,
        String finalAwardCategory) {
}
