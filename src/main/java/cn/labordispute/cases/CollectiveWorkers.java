package cn.labordispute.cases;

import cn.labordispute.calendar.EngineTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The workers of a collective case one by one (LDMAL art.7): the representatives they elect, and each worker's own
 * outcome, so that some workers can settle in mediation while the others go on to arbitration in the same process
 * instance. Staff name workers in a form as a list (one per line, or separated by 、 or commas), by name or, where
 * two workers share a name, by identity number; a name that is not a worker of the case fails the step and nothing
 * changes. The service tasks after the forms name their step in the input parameter {@code collectiveStep}
 * (REPRESENTATIVES or AGREEMENT), so that a refusal reaches the Tasklist as HTTP 400 naming the field.
 */
@Component("collectiveWorkers")
public class CollectiveWorkers implements JavaDelegate {

    /** A worker's outcome between a mediation agreement and its fulfilment. */
    public static final String SETTLED_IN_MEDIATION = "MEDIATION_AGREEMENT";

    private static final Pattern SEPARATORS = Pattern.compile("[\\n\\r,，、;；]+");

    private final CaseRepository cases;

    CollectiveWorkers(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object step = execution.getVariableLocal("collectiveStep");
        if ("REPRESENTATIVES".equals(step)) {
            electRepresentatives(execution);
        } else if ("AGREEMENT".equals(step)) {
            recordAgreement(execution);
        } else {
            throw new IllegalStateException("collectiveStep must be REPRESENTATIVES or AGREEMENT, not " + step);
        }
    }

    /** 推举代表: after the form, the named workers become the case's representatives. */
    void electRepresentatives(DelegateExecution task) {
        DisputeCase c = theCase(task);
        List<Party> workers = workers(c);
        Set<String> elected = named(task, "representatives", workers);
        if (elected.isEmpty()) {
            throw TaskInput.invalid("representatives", "task.collective.representatives");
        }
        cases.electRepresentatives(c.id(), elected);
        cases.addEventAtCurrentStage(c.caseNumber(), "REPRESENTATIVES", "劳动者推举代表：" + names(workers, elected),
                EngineTime.now());
    }

    /**
     * After the mediation agreement's form: in a collective case the workers not named in {@code unsettledWorkers}
     * settled; the others go on. Sets {@code continuingWorkers} (0 when everybody settled, and in an individual
     * case) for the main process to send the rest to arbitration beside the fulfilment.
     */
    void recordAgreement(DelegateExecution task) {
        DisputeCase c = theCase(task);
        if (!c.collective()) {
            task.setVariable("continuingWorkers", 0);
            return;
        }
        List<Party> workers = workers(c);
        Set<String> unsettled = named(task, "unsettledWorkers", workers);
        if (!unsettled.isEmpty() && !"APPLICATION".equals(task.getVariable("mediationSource"))) {
            throw TaskInput.invalid("unsettledWorkers", "task.collective.entrustedPartial");
        }
        if (unsettled.size() == workers.size()) {
            throw TaskInput.invalid("unsettledWorkers", "task.collective.noneSettled");
        }
        Set<String> settled = new LinkedHashSet<>();
        workers.stream().map(Party::idNumber).filter(id -> !unsettled.contains(id)).forEach(settled::add);
        cases.recordWorkerOutcome(c.id(), settled, SETTLED_IN_MEDIATION, CaseStage.MEDIATION, EngineTime.now());
        task.setVariable("continuingWorkers", unsettled.size());
        if (!unsettled.isEmpty()) {
            cases.addEventAtCurrentStage(c.caseNumber(), "PARTIAL_AGREEMENT", settled.size() + " 名劳动者达成调解协议；"
                    + unsettled.size() + " 名劳动者未达成协议，继续申请仲裁：" + names(workers, unsettled), EngineTime.now());
        }
    }

    /**
     * When a fulfilment check ends: the workers who settled in mediation take the case's outcome if the agreement was
     * honoured (or its enforcement applied for); if not, their part goes on with the case.
     */
    public void afterFulfilment(DelegateExecution execution) {
        DisputeCase c = theCase(execution);
        Set<String> settled = new LinkedHashSet<>();
        workers(c).stream().filter(p -> SETTLED_IN_MEDIATION.equals(p.outcome())).map(Party::idNumber)
                .forEach(settled::add);
        if (settled.isEmpty()) {
            return;
        }
        Object result = execution.getVariable("fulfilmentOutcome");
        boolean ended = "FULFILLED".equals(result) || "ENFORCEMENT".equals(result);
        cases.recordWorkerOutcome(c.id(), settled, ended ? (String) execution.getVariable("caseOutcome") : null,
                CaseStage.FULFILMENT, EngineTime.now());
    }

    private DisputeCase theCase(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        return cases.findByNumber(caseNumber).orElseThrow(() -> new IllegalStateException("no case " + caseNumber));
    }

    private List<Party> workers(DisputeCase c) {
        return cases.parties(c.id()).stream().filter(p -> p.role() == Party.Role.WORKER).toList();
    }

    /** The identity numbers of the workers a form field names, in the order named; refuses anybody else. */
    private static Set<String> named(VariableScope form, String field, List<Party> workers) {
        Object value = form.getVariable(field);
        Set<String> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> ambiguous = new ArrayList<>();
        for (String entry : SEPARATORS.split(value == null ? "" : value.toString())) {
            String name = entry.trim();
            if (name.isEmpty()) {
                continue;
            }
            List<Party> matches = workers.stream().filter(p -> name.equals(p.idNumber())).toList();
            if (matches.isEmpty()) {
                matches = workers.stream().filter(p -> name.equals(p.name())).toList();
            }
            if (matches.isEmpty()) {
                unknown.add(name);
            } else if (matches.size() > 1) {
                ambiguous.add(name);
            } else {
                found.add(matches.get(0).idNumber());
            }
        }
        if (!unknown.isEmpty()) {
            throw TaskInput.invalid(field, "task.collective.unknownWorkers", String.join("、", unknown));
        }
        if (!ambiguous.isEmpty()) {
            throw TaskInput.invalid(field, "task.collective.ambiguousWorkers", String.join("、", ambiguous));
        }
        return found;
    }

    private static String names(List<Party> workers, Set<String> idNumbers) {
        return String.join("、", workers.stream().filter(p -> idNumbers.contains(p.idNumber())).map(Party::name).toList());
    }
}
