package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the collectiveWorkers bean in process tests: the real one checks the names against the case's workers
 * and writes each worker's outcome (tested in MediationWorkedExamplesIntegrationTests); here the workers who did not
 * settle are counted one per line, which is what the main process branches on.
 */
public class RecordingCollectiveWorkers implements JavaDelegate {

    final List<String> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        if ("REPRESENTATIVES".equals(execution.getVariableLocal("collectiveStep"))) {
            calls.add("representatives " + execution.getVariable("representatives"));
            return;
        }
        Object unsettled = execution.getVariable("unsettledWorkers");
        int count = unsettled == null ? 0 : (int) unsettled.toString().lines().filter(l -> !l.isBlank()).count();
        execution.setVariable("continuingWorkers", count);
        calls.add("agreement " + count);
    }

    public void afterFulfilment(DelegateExecution execution) {
        calls.add("fulfilment " + execution.getVariable("fulfilmentOutcome"));
    }
}
