package cn.labordispute.portal;

import cn.labordispute.cases.ClaimsRestated;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.documents.DocumentIssued;
import cn.labordispute.documents.DocumentKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Key events of a case, told to its parties: decisions and documents served (acceptance, refusal, award,
 * termination, legal-aid decision), the agreement ready to sign, the claims to confirm — to the online applicant —
 * and the mediation session's date, place or video link, to every party with a telephone number. Listens inside the
 * transaction of the event, so the notice is queued only if the event commits. The words are the bundles'
 * {@code notice.*} messages.
 */
@Component
class PortalNotices {

    /** Documents the online applicant is told about (message {@code notice.<kind>}). */
    private static final Set<DocumentKind> TOLD = EnumSet.of(DocumentKind.ARBITRATION_ACCEPTANCE_NOTICE,
            DocumentKind.ARBITRATION_REFUSAL_NOTICE, DocumentKind.ARBITRATION_MEDIATION,
            DocumentKind.AWARD_EXTENSION_NOTICE, DocumentKind.MEDIATION_ACCEPTANCE_NOTICE,
            DocumentKind.MEDIATION_REFUSAL_NOTICE, DocumentKind.MEDIATION_AGREEMENT, DocumentKind.MEDIATION_TERMINATION,
            DocumentKind.MEDIATION_FAILURE_NOTICE, DocumentKind.ARBITRATION_AWARD, DocumentKind.LEGAL_AID_DECISION,
            DocumentKind.FULFILMENT_NOTICE);

    private final Notifications notifications;
    private final Deadlines deadlines;

    PortalNotices(Notifications notifications, Deadlines deadlines) {
        this.notifications = notifications;
        this.deadlines = deadlines;
    }

    @EventListener
    void documentIssued(DocumentIssued issued) {
        if (TOLD.contains(issued.kind())) {
            notifications.notify(issued.caseNumber(), issued.kind().name(), "notice." + issued.kind().name());
        } else if (issued.kind() == DocumentKind.MEDIATION_SESSION_NOTICE) {
            sessionScheduled(issued.caseNumber(), issued.facts());
        }
    }

    /** The session notice was issued: each party learns when, and where or by which link (the same as the notice's). */
    private void sessionScheduled(String caseNumber, Map<String, Object> facts) {
        Object when = sessionAt(facts.get("sessionAt"));
        Object mode = facts.get("sessionMode");
        if ("ONLINE".equals(mode)) {
            notifications.notifyParties(caseNumber, "SESSION_SCHEDULED", "notice.session.ONLINE", when,
                    facts.get("sessionLink"));
        } else if ("PHONE".equals(mode)) {
            notifications.notifyParties(caseNumber, "SESSION_SCHEDULED", "notice.session.PHONE", when);
        } else {
            notifications.notifyParties(caseNumber, "SESSION_SCHEDULED", "notice.session.IN_PERSON", when,
                    facts.getOrDefault("sessionPlace", ""));
        }
    }

    @EventListener
    void claimsRestated(ClaimsRestated restated) {
        LocalDate confirmBy = deadlines.compute("CLAIMS_CONFIRMATION", restated.restatedOn()).due();
        notifications.notify(restated.caseNumber(), "CLAIMS_TO_CONFIRM", "notice.CLAIMS_TO_CONFIRM", restated.claims(),
                confirmBy);
    }

    /** The session's time as recorded by the form (2026-12-09T10:00[:00]), as a time; anything else as it is. */
    private static Object sessionAt(Object value) {
        if (value instanceof String s && s.length() >= 16 && s.charAt(10) == 'T') {
            return LocalDateTime.parse(s.length() > 19 ? s.substring(0, 19) : s);
        }
        return value;
    }
}
