package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the healthChecks bean in process tests: records the documents issued and the check's end. */
public class RecordingHealthChecks {

    final List<String> calls = new ArrayList<>();

    public void issue(DelegateExecution execution, String kind) {
        calls.add("issue " + kind);
    }

    public void done(DelegateExecution execution) {
        calls.add("done");
    }
}
