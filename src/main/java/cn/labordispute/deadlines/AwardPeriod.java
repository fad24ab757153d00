package cn.labordispute.deadlines;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.TaskInput;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The award's 45 days (ARBITRATION_AWARD) count from {@code awardPeriodFrom}, the day of acceptance unless the
 * arbitration rules say otherwise (ACR art.46): an added party, a corrected application, added or changed claims, a
 * counter-claim heard together or a transfer start the period afresh from that day (and the extensions with it); a
 * suspension's days are not counted, so the start moves by them. The hearing form names what happened; a bad date or
 * reason fails the step (HTTP 400 naming the field) and nothing changes. Sets {@code awardPeriodNote} for the timeline.
 */
@Component("awardPeriod")
public class AwardPeriod implements JavaDelegate {

    static final Map<String, String> RESTART_REASONS = Map.of(
            "PARTY_ADDED", "追加当事人",
            "APPLICATION_CORRECTED", "申请人补正仲裁申请",
            "CLAIMS_CHANGED", "申请人增加或变更仲裁请求",
            "COUNTERCLAIM", "被申请人提出反申请并合并审理",
            "TRANSFERRED", "移送管辖");

    private final Deadlines deadlines;

    public AwardPeriod(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // instances started before the award period had its own variable count from acceptance
        Object start = execution.getVariable("awardPeriodFrom");
        LocalDate from = Deadlines.toLocalDate(start != null ? start : execution.getVariable("arbitrationAcceptedOn"));
        if ("RESTARTED".equals(execution.getVariable("hearingOutcome"))) {
            String reason = String.valueOf(execution.getVariable("awardRestartReason"));
            if (!RESTART_REASONS.containsKey(reason)) {
                throw TaskInput.invalid("awardRestartReason", "task.awardPeriod.restartReason");
            }
            LocalDate on = Deadlines.formDate(execution, "awardRestartedOn");
            if (on.isBefore(from) || on.isAfter(EngineTime.today())) {
                throw TaskInput.invalid("awardRestartedOn", "task.awardPeriod.restartedOn", from);
            }
            execution.setVariable("awardPeriodFrom", on.toString());
            execution.setVariable("awardExtendedUntil", null);
            execution.setVariable("awardExtensionDays", 0);
            execution.setVariable("awardPeriodNote", RESTART_REASONS.get(reason) + "，仲裁审理期限自" + on + "起重新计算，裁决期限至 "
                    + deadlines.compute("ARBITRATION_AWARD", on).due());
            return;
        }
        int days = days(execution.getVariable("awardSuspendedDays"));
        LocalDate moved = from.plusDays(days);
        execution.setVariable("awardPeriodFrom", moved.toString());
        Object extended = execution.getVariable("awardExtendedUntil");
        String until;
        if (extended != null && !extended.toString().isBlank()) {
            LocalDate later = Deadlines.toLocalDate(extended).plusDays(days);
            execution.setVariable("awardExtendedUntil", later.toString());
            until = later.toString();
        } else {
            until = deadlines.compute("ARBITRATION_AWARD", moved).due().toString();
        }
        execution.setVariable("awardPeriodNote", "中止审理" + days + "日（"
                + execution.getVariable("awardSuspensionReason") + "），不计入审理期限，裁决期限至 " + until);
    }


    private static int days(Object value) {
        try {
            int n = value == null ? 0 : (int) Math.round(Double.parseDouble(value.toString()));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw TaskInput.invalid("awardSuspendedDays", "task.awardPeriod.suspendedDays");
    }
}
