package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the caseReopening bean in process tests: records which cases the model reopened. */
public class RecordingReopening {

    final List<String> reopened = new ArrayList<>();

    public void reopen(DelegateExecution execution) {
        reopened.add(execution.getProcessBusinessKey());
        execution.setVariable("reopenedCaseNumber", "渝中劳调〔2026〕00099号");
    }
}
