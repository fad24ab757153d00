package cn.labordispute.documents;

import java.util.Arrays;
import java.util.Optional;

/** The documents mediators and arbitrators hand out, each with its title and its template under templates/documents/. */
public enum DocumentKind {
    NEGOTIATION_REQUEST("协商申请书", "negotiation-request"),
    SETTLEMENT_AGREEMENT("和解协议书", "settlement-agreement"),
    MEDIATION_APPLICATION("调解申请书", "mediation-application"),
    ARBITRATION_APPLICATION("仲裁申请书", "arbitration-application"),
    ORAL_APPLICATION_RECORD("口头申请笔录", "oral-application-record"),
    MEDIATION_ACCEPTANCE_NOTICE("受理通知书", "mediation-acceptance-notice"),
    MEDIATION_REFUSAL_NOTICE("不予受理通知书", "mediation-refusal-notice"),
    MEDIATION_SESSION_NOTICE("调解会谈通知书", "mediation-session-notice"),
    MEDIATION_RECORD("调解笔录", "mediation-record"),
    MEDIATION_AGREEMENT("调解协议书", "mediation-agreement"),
    FULFILMENT_NOTICE("履行告知书", "fulfilment-notice"),
    MEDIATION_TERMINATION("调解终止书", "mediation-termination"),
    MEDIATION_RECOMMENDATION("调解建议书", "mediation-recommendation"),
    MEDIATION_FAILURE_NOTICE("调解不成告知书", "mediation-failure-notice"),
    ARBITRATION_REVIEW_APPLICATION("仲裁审查申请书", "arbitration-review-application"),
    JUDICIAL_CONFIRMATION_APPLICATION("司法确认申请书", "judicial-confirmation-application"),
    PAYMENT_ORDER_APPLICATION("支付令申请书", "payment-order-application"),
    ARBITRATION_ACCEPTANCE_NOTICE("仲裁受理通知书", "arbitration-acceptance-notice"),
    ARBITRATION_RESPONDENT_NOTICE("应诉通知书", "arbitration-respondent-notice"),
    ARBITRATION_REFUSAL_NOTICE("仲裁不予受理通知书", "arbitration-refusal-notice"),
    ARBITRATION_HEARING_NOTICE("开庭通知书", "arbitration-hearing-notice"),
    ARBITRATION_MEDIATION("仲裁调解书", "arbitration-mediation"),
    AWARD_EXTENSION_NOTICE("延期审理通知书", "award-extension-notice"),
    PARTIAL_AWARD("先行裁决书", "partial-award"),
    ARBITRATION_AWARD("仲裁裁决书", "arbitration-award"),
    LEGAL_AID_APPLICATION("法律援助申请表", "legal-aid-application"),
    LEGAL_AID_DECISION("法律援助决定书", "legal-aid-decision"),
    CIVIL_COMPLAINT("民事起诉状", "civil-complaint"),
    ENFORCEMENT_APPLICATION("强制执行申请书", "enforcement-application");

    private final String title;
    private final String template;

    DocumentKind(String title, String template) {
        this.title = title;
        this.template = template;
    }

    public String title() {
        return title;
    }

    public String template() {
        return "documents/" + template + ".ftlh";
    }

    public static Optional<DocumentKind> find(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
