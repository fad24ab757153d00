package cn.labordispute.arbitration;

import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.TaskInput;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 先行裁决 and 先予执行, checked after the arbitrator's form: where part of the facts is clear the tribunal may decide
 * that part first (LDMAL art.43 ¶2), and in a claim for remuneration, work-injury medical costs, economic
 * compensation or damages it may, on the party's request, order advance execution and send it to the court (art.44)
 * when the parties' rights and duties are clear and the applicant's living would suffer seriously without it. Which
 * causes are such claims is the case-cause table's {@code payment_order_eligible} column (the same four kinds of
 * claim as LDMAL art.16). A failed check names the field (HTTP 400) and nothing changes.
 */
@Component("partialAwardCheck")
public class PartialAward implements JavaDelegate {

    private final CaseCauses causes;

    public PartialAward(CaseCauses causes) {
        this.causes = causes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object code = execution.getVariable("partialAwardCause");
        CaseCause cause = code == null ? null : causes.find(code.toString()).orElse(null);
        if (cause == null) {
            throw TaskInput.invalid("partialAwardCause", "task.partial.cause");
        }
        if (!cause.paymentOrderEligible()) {
            throw TaskInput.invalid("partialAwardCause", "task.partial.notEligible", cause.name());
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(execution.getVariable("partialAwardAmount")));
        } catch (NumberFormatException e) {
            amount = BigDecimal.valueOf(-1);
        }
        if (amount.signum() <= 0) {
            throw TaskInput.invalid("partialAwardAmount", "task.partial.amount");
        }
        if (Boolean.TRUE.equals(execution.getVariable("advanceExecution"))) {
            if (!Boolean.TRUE.equals(execution.getVariable("rightsClear"))) {
                throw TaskInput.invalid("rightsClear", "task.partial.rightsClear");
            }
            if (!Boolean.TRUE.equals(execution.getVariable("livelihoodAffected"))) {
                throw TaskInput.invalid("livelihoodAffected", "task.partial.livelihood");
            }
            Object court = execution.getVariable("advanceExecutionCourt");
            if (court == null || court.toString().isBlank()) {
                throw TaskInput.invalid("advanceExecutionCourt", "task.partial.court");
            }
        }
        execution.setVariable("partialAwardCauseName", cause.name());
    }
}
