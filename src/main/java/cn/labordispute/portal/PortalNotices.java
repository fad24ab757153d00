package cn.labordispute.portal;

import cn.labordispute.cases.ClaimsRestated;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.documents.DocumentIssued;
import cn.labordispute.documents.DocumentKind;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Key events of a case, told to its online applicant: decisions and documents served (acceptance, refusal, award,
 * termination, legal-aid decision), the mediation session's date, the agreement ready to sign, the claims to confirm. Listens inside the transaction
 * of the event, so the notice is queued only if the event commits.
 */
@Component
class PortalNotices {

    /** Documents a party is told about, with the sentence in Chinese and English. */
    private static final Map<DocumentKind, String[]> TOLD = Map.ofEntries(
            told(DocumentKind.ARBITRATION_ACCEPTANCE_NOTICE, "仲裁委员会已受理您的仲裁申请，请查看受理通知书。",
                    "The arbitration commission accepted your application: see the notice."),
            told(DocumentKind.ARBITRATION_REFUSAL_NOTICE, "仲裁委员会决定不予受理，您可以向人民法院起诉，请查看通知书。",
                    "The arbitration commission did not accept your application; you may sue in court (see the notice)."),
            told(DocumentKind.ARBITRATION_MEDIATION, "仲裁调解书已制作，请查看。",
                    "The arbitration mediation statement is ready: see it in 'My case'."),
            told(DocumentKind.AWARD_EXTENSION_NOTICE, "仲裁审理期限已延长，请查看延期审理通知书。",
                    "The time for the award was extended: see the notice."),
            told(DocumentKind.MEDIATION_ACCEPTANCE_NOTICE, "调解委员会已受理您的申请，请查看受理通知书。",
                    "The mediation committee accepted your application: see the acceptance notice."),
            told(DocumentKind.MEDIATION_REFUSAL_NOTICE, "调解委员会决定不予受理，请查看通知书中的理由和其他途径。",
                    "The mediation committee did not accept your application: see the notice for why and where to go."),
            told(DocumentKind.MEDIATION_AGREEMENT, "调解协议书已生成，请登录“我的申请”在线签署。",
                    "The mediation agreement is ready: sign it online in 'My case'."),
            told(DocumentKind.MEDIATION_TERMINATION, "调解已终止，您可以申请劳动仲裁，请查看调解终止书。",
                    "Mediation has ended: you may apply for arbitration (see the notice)."),
            told(DocumentKind.MEDIATION_FAILURE_NOTICE, "调解未能达成协议，您可以申请劳动仲裁。",
                    "Mediation did not reach agreement: you may apply for arbitration."),
            told(DocumentKind.ARBITRATION_AWARD, "仲裁裁决书已作出，请查看裁决及起诉期限。",
                    "The arbitration award is made: see it and the time limit to sue."),
            told(DocumentKind.LEGAL_AID_DECISION, "法律援助机构已作出决定，请查看法律援助决定书。",
                    "The legal aid office has decided: see the decision."),
            told(DocumentKind.FULFILMENT_NOTICE, "履行告知书已送达，请查看各期付款日期。",
                    "The fulfilment notice is served: see the payment dates."));

    private static Map.Entry<DocumentKind, String[]> told(DocumentKind kind, String chinese, String english) {
        return Map.entry(kind, new String[] {chinese, english});
    }

    private final Notifications notifications;
    private final Deadlines deadlines;

    PortalNotices(Notifications notifications, Deadlines deadlines) {
        this.notifications = notifications;
        this.deadlines = deadlines;
    }

    @EventListener
    void documentIssued(DocumentIssued issued) {
        String[] text = TOLD.get(issued.kind());
        if (text != null) {
            notifications.notify(issued.caseNumber(), issued.kind().name(), text[0], text[1]);
        }
    }

    /** A mediation session was scheduled: the applicant is told when and how (the Spring eventing bridge's task events). */
    @EventListener(condition = "#task.eventName == 'complete' and #task.taskDefinitionKey == 'Task_ScheduleMediationSession'")
    void sessionScheduled(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        Object at = task.getVariable("sessionAt");
        String when = at == null ? "" : at.toString().replace('T', ' ');
        boolean online = "ONLINE".equals(task.getVariable("sessionMode"));
        notifications.notify(caseNumber, "SESSION_SCHEDULED",
                "调解会谈定于 " + when + (online ? "，视频方式，链接见“我的申请”。" : "，请按时参加。"),
                "Your mediation session is on " + when + (online ? ", by video: see 'My case' for the link." : "."));
    }

    @EventListener
    void claimsRestated(ClaimsRestated restated) {
        LocalDate confirmBy = deadlines.compute("CLAIMS_CONFIRMATION", restated.restatedOn()).due();
        notifications.notify(restated.caseNumber(), "CLAIMS_TO_CONFIRM",
                "工作人员已整理您的请求事项（" + restated.claims() + " 项），请在 " + confirmBy
                        + " 前登录“我的申请”确认或要求更正。",
                "Staff restated your claims (" + restated.claims() + "): confirm or correct them in 'My case' by "
                        + confirmBy + ".");
    }
}
