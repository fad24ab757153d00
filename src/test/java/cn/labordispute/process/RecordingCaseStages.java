package cn.labordispute.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the caseStages bean in process tests and records what the models told it, in order. */
public class RecordingCaseStages {

    public final List<String> calls = new ArrayList<>();

    public void enter(DelegateExecution execution, String stage) {
        calls.add("enter " + stage);
    }

    public void close(DelegateExecution execution, String outcome) {
        calls.add("close " + outcome);
    }

    public void note(DelegateExecution execution, String kind, String detail) {
        calls.add("note " + kind + " " + detail);
    }

    public List<String> stagesEntered() {
        return calls.stream().filter(c -> c.startsWith("enter ")).map(c -> c.substring(6)).toList();
    }
}
