package cn.labordispute.deadlines;

import cn.labordispute.cases.TaskInput;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 仲裁延期 (LDMAL art.43, ACR art.45): the commission's director approves extending the 45-day award limit; the
 * extensions together may not exceed the ARBITRATION_AWARD_EXTENSION period (15 days). Over the cap nothing changes.
 */
@Component("extendAwardLimit")
public class ExtendAwardLimit implements JavaDelegate {

    private final Deadlines deadlines;
    private final StatutoryPeriods periods;

    public ExtendAwardLimit(Deadlines deadlines, StatutoryPeriods periods) {
        this.deadlines = deadlines;
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("extensionApproved"))) {
            execution.setVariable("extensionNote", "仲裁委员会主任未批准延长审理期限");
            return;
        }
        int days = number(execution.getVariable("approvedExtensionDays"));
        int before = number(execution.getVariable("awardExtensionDays"));
        int cap = periods.get("ARBITRATION_AWARD_EXTENSION").length();
        if (days <= 0 || before + days > cap) {
            throw TaskInput.invalid("approvedExtensionDays", "task.extension.award", cap, before);
        }
        LocalDate until = deadlines.compute("ARBITRATION_AWARD",
                Deadlines.toLocalDate(execution.getVariable(execution.getVariable("awardPeriodFrom") != null
                        ? "awardPeriodFrom" : "arbitrationAcceptedOn")), before + days).due();
        execution.setVariable("awardExtensionDays", before + days);
        execution.setVariable("awardExtendedUntil", until.toString());
        execution.setVariable("extensionNote", "经仲裁委员会主任批准延长审理期限" + days + "日（合计" + (before + days)
                + "日），裁决期限至 " + until);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
