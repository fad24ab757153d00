package cn.labordispute.arbitration;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.TaskInput;
import cn.labordispute.deadlines.Deadlines;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * 时效与受理范围审查, after the arbitrator's 立案审查 form: works out whether the limitation has run
 * ({@link ArbitrationLimitation}) and asks the decision table {@code arbitration_admissibility} (the one deployed with
 * the process) whether the application is admissible. The arbitrator decides: accepting an application the table
 * finds out of scope or time-barred is refused (HTTP 400 naming {@code acceptanceDecision}, nothing changes); a
 * refusal without a reason takes the table's, which the 仲裁不予受理通知书 prints. Without the day the party knew of the
 * infringement the limitation is not checked, and the record says so.
 */
@Component("admissibilityCheck")
public class AdmissibilityCheck implements JavaDelegate {

    static final String DECISION = "arbitration_admissibility";

    private final ArbitrationLimitation limitation;

    public AdmissibilityCheck(ArbitrationLimitation limitation) {
        this.limitation = limitation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean timeBarred = null;
        Object knew = execution.getVariable("infringementKnownOn");
        execution.setVariable("limitationLastDay", null);
        if (knew != null && !knew.toString().isBlank()) {
            LocalDate received = Deadlines.toLocalDate(execution.getVariable("arbitrationReceivedOn"));
            Optional<LocalDate> last = limitation.lastDay(Deadlines.formDate(execution, "infringementKnownOn"),
                    Boolean.TRUE.equals(execution.getVariable("wageClaimDuringEmployment")),
                    Boolean.TRUE.equals(execution.getVariable("stillEmployed")),
                    optionalDate(execution, "employmentEndedOn"), optionalDate(execution, "limitationInterruptedOn"),
                    days(execution.getVariable("limitationSuspendedDays")));
            timeBarred = last.map(received::isAfter).orElse(false);
            execution.setVariable("limitationLastDay", last.map(LocalDate::toString).orElse(null));
        }
        Map<String, Object> inputs = new HashMap<>();
        Object scope = execution.getVariable("disputeScope");
        inputs.put("disputeScope", scope == null ? "WITHIN_SCOPE" : scope.toString());
        inputs.put("timeBarred", timeBarred);
        DmnDecisionRuleResult rule = evaluate(execution, inputs);
        String admissibility = (String) rule.getEntry("admissibility");
        String reason = (String) rule.getEntry("reason");
        execution.setVariable("admissibility", admissibility);
        execution.setVariable("admissibilityReason", reason);

        Object decision = execution.getVariable("acceptanceDecision");
        boolean refusable = "OUT_OF_SCOPE".equals(admissibility) || "TIME_BARRED".equals(admissibility);
        if ("ACCEPT".equals(decision) && refusable) {
            throw TaskInput.invalid("acceptanceDecision", "task.admissibility.refuse", reason);
        }
        if ("REFUSE".equals(decision)) {
            Object given = execution.getVariable("refusalReason");
            if ((given == null || given.toString().isBlank())) {
                if (!refusable) {
                    throw TaskInput.invalid("refusalReason", "task.admissibility.reason");
                }
                execution.setVariable("refusalReason", reason);
            }
        }
    }

    private static DmnDecisionRuleResult evaluate(DelegateExecution execution, Map<String, Object> inputs) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        String deployment = engine.getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId())
                .getDeploymentId();
        DecisionDefinition table = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).deploymentId(deployment).singleResult();
        return (table != null
                ? engine.getDecisionService().evaluateDecisionTableById(table.getId())
                : engine.getDecisionService().evaluateDecisionTableByKey(DECISION))
                .variables(inputs).evaluate().getSingleResult();
    }


    private static LocalDate optionalDate(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        LocalDate d = Deadlines.formDate(execution, field);
        if (d.isAfter(EngineTime.today())) {
            throw TaskInput.invalidNamed(field, "task.date.future");
        }
        return d;
    }

    private static int days(Object value) {
        if (value == null || value.toString().isBlank()) {
            return 0;
        }
        try {
            int n = (int) Math.round(Double.parseDouble(value.toString()));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw TaskInput.invalid("limitationSuspendedDays", "task.limitation.suspendedDays");
        }
    }
}
