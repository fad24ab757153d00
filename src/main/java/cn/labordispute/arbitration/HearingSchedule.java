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
            throw TaskInput.invalid("tribunal", "集体争议应由三名仲裁员组成仲裁庭",
                    "a collective dispute is heard by a three-member tribunal");
        }
    }

    private void notice(DelegateExecution execution) {
        LocalDate hearing = Deadlines.formDate(execution, "hearingAt", "开庭时间", "the hearing's date and time");
        int days = periods.get("ARBITRATION_HEARING_NOTICE").length();
        LocalDate earliest = EngineTime.today().plusDays(days);
        if (hearing.isBefore(earliest)) {
            throw TaskInput.invalid("hearingAt", "开庭日期须在通知之日起至少" + days + "日后（不早于" + earliest
                    + "，《劳动争议调解仲裁法》第三十五条）", "the hearing must be at least " + days
                    + " days after the notice (" + earliest + " or later)");
        }
        if ("PANEL".equals(execution.getVariable("tribunal")) && blank(execution.getVariable("panelArbitrators"))) {
            throw TaskInput.invalid("panelArbitrators", "三人仲裁庭须写明另外两名仲裁员",
                    "a three-member tribunal names its two other arbitrators");
        }
    }

    private void postponement(DelegateExecution execution) {
        LocalDate hearing = Deadlines.formDate(execution, "hearingAt", "开庭时间", "the hearing's date and time");
        LocalDate asked = Deadlines.formDate(execution, "postponementRequestedOn", "延期申请日期", "the day the postponement was asked for");
        int days = periods.get("ARBITRATION_POSTPONEMENT_REQUEST").length();
        LocalDate latest = hearing.minusDays(days);
        if (asked.isAfter(latest)) {
            throw TaskInput.invalid("postponementRequestedOn", "延期开庭须在开庭" + days + "日前申请（不晚于" + latest
                    + "）；逾期申请的，应按期开庭", "a postponement must be asked for at least " + days
                    + " days before the hearing (by " + latest + "); otherwise the hearing goes ahead");
        }
    }


    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
