package cn.labordispute.arbitration;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.TaskInput;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.deadlines.StatutoryPeriods;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The checks around an arbitration hearing (LDMAL art.35), each after the form it belongs to; the service task names
 * its check in the input parameter {@code hearingStep}. A failed check fails the step: the Tasklist shows the message
 * naming the field (HTTP 400) and nothing changes. The lengths come from the periods table.
 * <ul>
 * <li>TRIBUNAL: a collective case (10 or more workers) is heard by a three-member tribunal.</li>
 * <li>NOTICE: the parties are told the hearing's date at least ARBITRATION_HEARING_NOTICE days before it.</li>
 * <li>POSTPONEMENT: a postponement is asked for at least ARBITRATION_POSTPONEMENT_REQUEST days before the hearing.</li>
 * </ul>
 */
@Component("hearingSchedule")
public class HearingSchedule implements JavaDelegate {

    private final StatutoryPeriods periods;

    public HearingSchedule(StatutoryPeriods periods) {
        this.periods = periods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object step = execution.getVariableLocal("hearingStep");
        switch (String.valueOf(step)) {
            case "TRIBUNAL" -> tribunal(execution);
            case "NOTICE" -> notice(execution);
            case "POSTPONEMENT" -> postponement(execution);
            default -> throw new IllegalStateException("hearingStep must be TRIBUNAL, NOTICE or POSTPONEMENT, not " + step);
        }
    }

    private void tribunal(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("collective")) && !"PANEL".equals(execution.getVariable("tribunal"))) {
            throw TaskInput.invalid("tribunal", "task.hearing.collectivePanel");
        }
    }

    private void notice(DelegateExecution execution) {
        LocalDate hearing = Deadlines.formDate(execution, "hearingAt");
        int days = periods.get("ARBITRATION_HEARING_NOTICE").length();
        LocalDate earliest = EngineTime.today().plusDays(days);
        if (hearing.isBefore(earliest)) {
            throw TaskInput.invalid("hearingAt", "task.hearing.tooSoon", days, earliest);
        }
        if ("PANEL".equals(execution.getVariable("tribunal")) && blank(execution.getVariable("panelArbitrators"))) {
            throw TaskInput.invalid("panelArbitrators", "task.hearing.panelArbitrators");
        }
    }

    private void postponement(DelegateExecution execution) {
        LocalDate hearing = Deadlines.formDate(execution, "hearingAt");
        LocalDate asked = Deadlines.formDate(execution, "postponementRequestedOn");
        int days = periods.get("ARBITRATION_POSTPONEMENT_REQUEST").length();
        LocalDate latest = hearing.minusDays(days);
        if (asked.isAfter(latest)) {
            throw TaskInput.invalid("postponementRequestedOn", "task.hearing.postponementLate", days, latest);
        }
    }


    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
