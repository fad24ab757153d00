package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Stands in for the riskLedger bean in process tests: records what the model asked it to write to the ledger. */
public class RecordingRiskLedger {

    final List<String> calls = new ArrayList<>();

    public void graded(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> grade = (Map<String, Object>) execution.getVariable("riskGrade");
        calls.add("graded " + grade.get("level") + " " + grade.get("category"));
    }

    public void planned(DelegateTask task) {
        calls.add("planned " + task.getVariable("riskOwner"));
    }

    public void followedUp(DelegateTask task) {
        calls.add("followedUp " + task.getVariable("riskOutcome"));
    }

    public void escalated(DelegateExecution execution) {
        calls.add("escalated");
    }

    public void close(DelegateExecution execution, String status) {
        calls.add("close " + status);
    }
}
