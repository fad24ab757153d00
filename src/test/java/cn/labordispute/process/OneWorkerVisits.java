package cn.labordispute.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the followUpVisits bean in process tests: the case has one worker unless a test says otherwise. */
public class OneWorkerVisits {

    List<String> workers = List.of("王建国");

    public List<String> workers(DelegateExecution execution) {
        return workers;
    }
}
