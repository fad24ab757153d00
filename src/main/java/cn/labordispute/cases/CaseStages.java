package cn.labordispute.cases;

import cn.labordispute.calendar.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record in step with its process: BPMN listeners call it by name, e.g.
 * {@code ${caseStages.enter(execution, 'MEDIATION')}} on a stage process's start. It runs in the engine's
 * transaction, so the record and the process state commit together.
 */
@Component("caseStages")
public class CaseStages {

    private final CaseRepository cases;

    CaseStages(CaseRepository cases) {
        this.cases = cases;
    }

    public void enter(DelegateExecution execution, String stage) {
        CaseStage entered = CaseStage.valueOf(stage);
        String caseNumber = caseNumber(execution);
        if (!cases.moveToStage(caseNumber, entered, "进入" + entered.label() + "环节", EngineTime.now())) {
            throw new IllegalStateException("no case record for business key " + caseNumber);
        }
    }

    public void close(DelegateExecution execution, String outcome) {
        cases.close(caseNumber(execution), outcome, "结案：" + CaseOutcomes.label(outcome), EngineTime.now());
    }

    /** A timeline entry that does not move the case, e.g. legal aid running beside the current stage. */
    public void note(DelegateExecution execution, String kind, String detail) {
        cases.addEventAtCurrentStage(caseNumber(execution), kind, detail, EngineTime.now());
    }

    private static String caseNumber(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null) {
            throw new IllegalStateException("process " + execution.getProcessInstanceId()
                    + " has no business key: a case process must be started with the case number");
        }
        return key;
    }
}
