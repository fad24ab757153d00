package cn.labordispute.portal;

import cn.labordispute.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * "What happens next, and by when", read from the live process: each open step of the case (a task of staff, or a
 * message the process waits for from the party) in plain words with its date, the party's own steps first. Dates
 * come from the tasks' due dates and the timers, which the statutory periods set.
 */
@Component
class NextSteps {

    /** One step: the sentence, its date, whether the party must act, and who handles it. */
    public record Step(String text, LocalDate due, boolean yours, String handler) {
    }

    /** The messages a party sends, and the timer that bounds each wait. */
    private static final Map<String, String> PARTY_WAITS = Map.of(
            "ClaimsConfirmed", "Timer_ClaimsConfirmationDue",
            "AgreementSigned", "Timer_SignatureDue");
    /** Timers worth telling the party about even while staff work. */
    private static final List<String> TOLD_TIMERS = List.of("Timer_MediationLimit");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final MessageSource messages;

    NextSteps(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
            MessageSource messages) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.messages = messages;
    }

    List<Step> of(String caseNumber, String organisationName, Locale locale) {
        List<Step> steps = new ArrayList<>();
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .active().list();
        Map<String, LocalDate> timers = new HashMap<>();
        for (ProcessInstance p : instances) {
            for (Job job : management.createJobQuery().processInstanceId(p.getId()).timers().list()) {
                JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult();
                if (definition != null && job.getDuedate() != null) {
                    timers.merge(definition.getActivityId(), day(job.getDuedate()), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            for (EventSubscription s : runtime.createEventSubscriptionQuery().processInstanceId(p.getId())
                    .eventType("message").list()) {
                if (PARTY_WAITS.containsKey(s.getEventName())) {
                    LocalDate due = timers.get(PARTY_WAITS.get(s.getEventName()));
                    text("next.msg." + s.getEventName(), locale, due, organisationName, "")
                            .ifPresent(t -> steps.add(new Step(t, due, true, null)));
                }
            }
        }
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active().list()) {
            LocalDate due = t.getDueDate() == null ? null : day(t.getDueDate());
            String text = text("next." + t.getTaskDefinitionKey(), locale, due, organisationName, t.getName())
                    .orElseGet(() -> text("next.generic", locale, due, organisationName, t.getName()).orElseThrow());
            steps.add(new Step(text, due, false, handler(t.getAssignee())));
            if (t.getTaskDefinitionKey().equals("Task_ReturnVisit")) {
                text("next.msg.SurveyAnswered", locale, due, organisationName, "")
                        .ifPresent(s -> steps.add(new Step(s, due, true, null)));
            }
        }
        for (String timer : TOLD_TIMERS) {
            if (timers.containsKey(timer)) {
                LocalDate due = timers.get(timer);
                text("next." + timer, locale, due, organisationName, "").ifPresent(s -> steps.add(new Step(s, due, false, null)));
            }
        }
        steps.sort(Comparator.comparing((Step s) -> !s.yours())
                .thenComparing(Step::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    private Optional<String> text(String key, Locale locale, LocalDate due, String organisation, String step) {
        try {
            Object date = due == null ? "—" : due; // a date in words: 2026年12月14日, 14 Dec 2026
            return Optional.of(messages.getMessage(key, cn.labordispute.text.Texts.localised(
                    new Object[] {date, organisation, step}, locale), locale));
        } catch (NoSuchMessageException none) {
            return Optional.empty();
        }
    }

    /** The handler's name (the demo users' first name holds the full name; the last name their role), not their login. */
    private String handler(String userId) {
        if (userId == null) {
            return null;
        }
        User u = identity.createUserQuery().userId(userId).singleResult();
        return u == null || u.getFirstName() == null ? userId : u.getFirstName();
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }
}
