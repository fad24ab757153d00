package cn.labordispute.cases;

import cn.labordispute.calendar.EngineTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 明确请求事项: when the task is created, its form rows (claim1Cause, claim1Amount, claim1Description, … up to six;
 * process variables, so that the form's answers replace them) are filled with the case's current claims; when it is
 * completed, the rows become the case's claims (the applicant's own
 * stay in the table, superseded) and the applicant is asked to confirm them. A bad row stops the completion with a
 * message naming it, and nothing changes.
 */
@Component("claimRestatement")
public class ClaimRestatement implements TaskListener {

    static final int ROWS = 6;

    private final CaseRepository cases;
    private final CaseCauses causes;
    private final ApplicationEventPublisher events;

    ClaimRestatement(CaseRepository cases, CaseCauses causes, ApplicationEventPublisher events) {
        this.cases = cases;
        this.causes = causes;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        DisputeCase c = cases.findByNumber(task.getExecution().getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no case record for " + task.getExecution().getProcessBusinessKey()));
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            prefill(task, c, cases.claims(c.id()));
        } else {
            restate(task, c);
        }
    }

    private static void prefill(DelegateTask task, DisputeCase c, List<Claim> claims) {
        task.getExecution().setVariable("applicantStory", c.summary());
        for (int n = 1; n <= ROWS; n++) {
            Claim k = n <= claims.size() ? claims.get(n - 1) : null;
            task.getExecution().setVariable("claim" + n + "Cause", k == null ? null : k.causeCode());
            task.getExecution().setVariable("claim" + n + "Amount", k == null ? null : k.amount().doubleValue());
            task.getExecution().setVariable("claim" + n + "Description", k == null ? null : k.description());
        }
    }

    private void restate(DelegateTask task, DisputeCase c) {
        List<Claim> claims = new ArrayList<>();
        List<ProcessEngineException> errors = new ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            Object cause = task.getVariable("claim" + n + "Cause");
            Object amount = task.getVariable("claim" + n + "Amount");
            Object description = task.getVariable("claim" + n + "Description");
            if (cause == null || cause.toString().isBlank()) {
                if (amount != null && new BigDecimal(amount.toString()).signum() != 0) {
                    errors.add(TaskInput.invalid("claim" + n + "Cause", "task.claims.causeMissing", n));
                }
                continue;
            }
            if (causes.find(cause.toString()).isEmpty()) {
                errors.add(TaskInput.invalid("claim" + n + "Cause", "task.award.item.cause", n, cause));
                continue;
            }
            BigDecimal value;
            try {
                value = amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
            } catch (NumberFormatException e) {
                errors.add(TaskInput.invalid("claim" + n + "Amount", "task.claims.amountNotNumber", n));
                continue;
            }
            if (value.signum() < 0) {
                errors.add(TaskInput.invalid("claim" + n + "Amount", "task.claims.amountNegative", n));
            }
            String text = description == null ? null : description.toString().trim();
            if (text != null && text.length() > 1000) {
                errors.add(TaskInput.invalid("claim" + n + "Description", "task.claims.descriptionTooLong", n));
            }
            claims.add(new Claim(cause.toString(), text == null || text.isEmpty() ? null : text, value));
        }
        if (claims.isEmpty()) {
            errors.add(TaskInput.invalid("claim1Cause", "task.claims.none"));
        }
        if (!errors.isEmpty()) { // the first problem, under its field; the others show once it is put right
            throw errors.get(0);
        }
        LocalDate today = EngineTime.today();
        cases.restateClaims(c.id(), claims, EngineTime.now());
        task.getExecution().setVariable("claimsRestatedOn", today.toString());
        task.getExecution().removeVariable("claimsConfirmation");
        Object note = task.getVariable("restatementNote");
        String told = note == null || note.toString().isBlank() ? "" : "。工作人员说明：" + note.toString().trim();
        cases.addEventAtCurrentStage(c.caseNumber(), "CLAIMS_RESTATED",
                "请求事项已规范（" + claims.size() + " 项），待申请人确认" + told, EngineTime.now());
        events.publishEvent(new ClaimsRestated(c.caseNumber(), claims.size(),
                today, note == null ? null : note.toString()));
    }
}
