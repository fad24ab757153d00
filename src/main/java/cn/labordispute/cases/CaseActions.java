package cn.labordispute.cases;

import cn.labordispute.calendar.EngineTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Things that can happen to a case at any stage, sent to its main process as messages. */
@Service
public class CaseActions {

    public static final String LEGAL_AID_REQUESTED = "LegalAidRequested";
    public static final String CASE_WITHDRAWN = "CaseWithdrawn";
    /** The online applicant answered on the restated claims (明确请求): claimsConfirmation CONFIRMED or CORRECTION. */
    public static final String CLAIMS_CONFIRMED = "ClaimsConfirmed";
    /** The online applicant signed the mediation agreement. */
    public static final String AGREEMENT_SIGNED = "AgreementSigned";
    /** The party answered the return-visit survey online; the visitor sees the answers in the visit's form. */
    public static final String SURVEY_ANSWERED = "SurveyAnswered";

    private final CaseRepository cases;
    private final RuntimeService runtime;

    CaseActions(CaseRepository cases, RuntimeService runtime) {
        this.cases = cases;
        this.runtime = runtime;
    }

    /** A party asks for legal aid; the case's current stage goes on beside it. False if the case is not running. */
    @Transactional
    public boolean requestLegalAid(DisputeCase c) {
        return send(c, LEGAL_AID_REQUESTED, Map.of());
    }

    /** The applicant withdraws (撤回): the running stage ends and the case closes. False if already closed. */
    @Transactional
    public boolean withdraw(DisputeCase c, String reason) {
        if (DisputeCase.CLOSED.equals(c.status())) {
            return false;
        }
        return send(c, CASE_WITHDRAWN, Map.of("withdrawalReason", reason == null ? "" : reason));
    }

    /** The applicant confirms the restated claims or asks for a correction. False if nothing waits for it. */
    @Transactional
    public boolean answerClaims(DisputeCase c, boolean confirmed, String note) {
        Map<String, Object> v = new HashMap<>();
        v.put("claimsConfirmation", confirmed ? "CONFIRMED" : "CORRECTION");
        v.put("claimsCorrectionNote", note == null ? "" : note);
        if (!sendToWaiting(c, CLAIMS_CONFIRMED, v)) {
            return false;
        }
        Instant now = EngineTime.now();
        if (confirmed) {
            cases.confirmClaims(c.id(), now);
        }
        cases.addEventAtCurrentStage(c.caseNumber(), "CLAIMS_ANSWERED",
                confirmed ? "申请人确认请求事项" : "申请人要求更正请求事项：" + (note == null ? "" : note), now);
        return true;
    }

    /** Sends a message to whichever of the case's processes waits for it; false if none does. */
    public boolean sendToWaiting(DisputeCase c, String message, Map<String, Object> variables) {
        if (!waitsFor(c.caseNumber(), message)) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(c.caseNumber()).setVariables(variables)
                .correlate();
        return true;
    }

    /** Whether one of the case's processes waits for the message now. */
    public boolean waitsFor(String caseNumber, String message) {
        return waitingMessages(caseNumber).contains(message);
    }

    /** The messages the case's running processes wait for now. */
    public Set<String> waitingMessages(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).active().list().stream()
                .flatMap(p -> runtime.createEventSubscriptionQuery().processInstanceId(p.getId()).eventType("message")
                        .list().stream())
                .map(EventSubscription::getEventName).collect(Collectors.toSet());
    }

    private boolean send(DisputeCase c, String message, Map<String, Object> variables) {
        Optional<ProcessInstance> main = Optional.ofNullable(c.processInstanceId()).map(id ->
                runtime.createProcessInstanceQuery().processInstanceId(id).active().singleResult());
        if (main.isEmpty()) {
            return false;
        }
        runtime.createMessageCorrelation(message).processInstanceId(main.get().getId()).setVariables(variables)
                .correlate();
        return true;
    }
}
