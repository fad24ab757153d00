package cn.labordispute.deadlines;

import java.time.LocalDate;
import cn.labordispute.cases.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 调解延期: both parties agree to go on mediating past the limit (EMR: "双方当事人同意延期的可以延长", no maximum).
 * Moves {@code mediationExtendedUntil}; refuses without both parties' consent or with a date not after the limit,
 * and then nothing changes. The worker keeps the right to apply for arbitration once 15 days from receipt have passed.
 */
@Component("extendMediationLimit")
public class ExtendMediationLimit implements JavaDelegate {

    private final Deadlines deadlines;

    public ExtendMediationLimit(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("bothPartiesConsent"))) {
            throw TaskInput.invalid("bothPartiesConsent", "task.extension.consent");
        }
        Object period = execution.getVariable("mediationLimitPeriod");
        LocalDate current = Deadlines.toLocalDate(deadlines.due(period == null ? "MEDIATION_LIMIT" : period.toString(),
                execution.getVariable("mediationReceivedOn"), execution.getVariable("mediationExtendedUntil")));
        Object requested = execution.getVariable("extendedUntil");
        LocalDate until = requested == null ? null : Deadlines.toLocalDate(requested);
        if (until == null || !until.isAfter(current)) {
            throw TaskInput.invalid("extendedUntil", "task.extension.mediation", current);
        }
        execution.setVariable("mediationExtendedUntil", until.toString());
        execution.setVariable("extensionNote", "双方同意调解延期至 " + until + "（自收到申请之日起满15日后，劳动者仍可申请仲裁）");
    }
}
