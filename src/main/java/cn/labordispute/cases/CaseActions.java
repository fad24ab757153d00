package cn.labordispute.cases;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Things that can happen to a case at any stage, sent to its main process as messages. */
@Service
public class CaseActions {

    public static final String LEGAL_AID_REQUESTED = "LegalAidRequested";
    public static final String CASE_WITHDRAWN = "CaseWithdrawn";

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
