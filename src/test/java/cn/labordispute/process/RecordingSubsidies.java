package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the subsidies bean in process tests: records the outcomes a closure asked it to subsidise. */
public class RecordingSubsidies {

    final List<String> outcomes = new ArrayList<>();

    public void record(DelegateExecution execution, String outcome) {
        outcomes.add(outcome);
    }
}
