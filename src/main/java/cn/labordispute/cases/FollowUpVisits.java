package cn.labordispute.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Whom the return visit calls: every worker of the case (each of the workers of a collective case). */
@Component("followUpVisits")
public class FollowUpVisits {

    private final CaseRepository cases;

    FollowUpVisits(CaseRepository cases) {
        this.cases = cases;
    }

    /** The workers' names, in the order of the application; the follow-up visits each once. */
    public List<String> workers(DelegateExecution execution) {
        List<String> names = cases.findByNumber(execution.getProcessBusinessKey())
                .map(c -> cases.parties(c.id()).stream().filter(p -> p.role() == Party.Role.WORKER).map(Party::name)
                        .toList())
                .orElse(List.of());
        return names.isEmpty() ? List.of("当事人") : names;
    }
}
