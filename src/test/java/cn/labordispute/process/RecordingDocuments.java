package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the documents bean in process tests: records which document each step issued, and where. */
public class RecordingDocuments {

    final List<String> issued = new ArrayList<>();
    final List<String> issuedAt = new ArrayList<>();

    public void issue(DelegateExecution execution, String kind) {
        issued.add(kind);
        issuedAt.add(kind + "@" + execution.getCurrentActivityId());
    }
}
