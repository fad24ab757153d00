package cn.labordispute.deadlines;

import cn.labordispute.text.Texts;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.calendar.EngineTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * What BPMN calls for due dates and timers, by period name, e.g.
 * {@code camunda:dueDate="${deadlines.due('MEDIATION_ACCEPTANCE', mediationReceivedOn)}"}.
 * A deadline is the end of its last day (23:59:59, Asia/Shanghai).
 */
public class Deadlines {

    private final DeadlineCalculator calculator;
    private final int warningWorkingDays;

    public Deadlines(DeadlineCalculator calculator) {
        this(calculator, 2);
    }

    public Deadlines(DeadlineCalculator calculator, int warningWorkingDays) {
        this.calculator = calculator;
        this.warningWorkingDays = warningWorkingDays;
    }

    /** The period counted from a date variable (LocalDate, ISO string or java.util.Date). */
    public Date due(String period, Object from) {
        return endOf(calculator.compute(period, toLocalDate(from)).due());
    }

    /**
     * The period counted from a date variable, or the extended last day where an extension was granted
     * (e.g. {@code ${deadlines.due('MEDIATION_LIMIT', mediationReceivedOn, mediationExtendedUntil)}}).
     */
    public Date due(String period, Object from, Object extendedUntil) {
        if (extendedUntil == null || (extendedUntil instanceof String text && text.isBlank())) {
            return due(period, from);
        }
        return endOf(toLocalDate(extendedUntil));
    }

    /**
     * A period's length in words from the table ("3个工作日"): a step's description names it as
     * {@code ${deadlines.length('MEDIATION_ACCEPTANCE')}}, so a length changed in the table shows there too.
     */
    public String length(String period) {
        return calculator.length(period);
    }

    /** The period counted from today on the engine's clock: for periods that run from the step itself. */
    public Date due(String period) {
        return due(period, EngineTime.today());
    }

    /** Today on the engine's clock as an ISO date, for BPMN to record when a step began (e.g. mediationReceivedOn). */
    public String today() {
        return EngineTime.today().toString();
    }

    /** Calendar days from a date variable to today on the engine's clock (e.g. the time an entrusted mediation took). */
    public long daysSince(Object from) {
        return java.time.temporal.ChronoUnit.DAYS.between(toLocalDate(from), EngineTime.today());
    }

    /** The end of an agreed day (e.g. a payment date the parties set). */
    public Date endOfDay(Object date) {
        return endOf(toLocalDate(date));
    }

    public Deadline compute(String period, LocalDate from) {
        return calculator.compute(period, from);
    }

    public Deadline compute(String period, LocalDate from, int extension) {
        return calculator.compute(period, from, extension);
    }

    /** When to warn of a deadline: the start of the day that lies the configured working days before its last day. */
    public Date warningFor(Date due) {
        LocalDate lastDay = toLocalDate(due);
        LocalDate warnDay = calculator.workingDaysBefore(lastDay, warningWorkingDays);
        return Date.from(warnDay.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    /** How many working days a deadline is overdue on the given day (0 if not yet). */
    public int workingDaysOverdue(Date due, LocalDate today) {
        return calculator.workingDaysBetween(toLocalDate(due), today);
    }

    /** Whether the holiday data covers the deadline's last day; if not, a person must check it (需人工核对). */
    public boolean covered(Date due) {
        return calculator.covers(toLocalDate(due));
    }

    public static Date endOf(LocalDate day) {
        return Date.from(ZonedDateTime.of(day, LocalTime.of(23, 59, 59), WorkingDayCalendar.ZONE).toInstant());
    }

    /**
     * A date a person entered in a task's form: a blank or malformed value fails the step (HTTP 400 in the Tasklist)
     * with the field named in words ({@code task.field.<field>} of the message bundles), e.g. 请填写开庭时间.
     */
    public static LocalDate formDate(org.camunda.bpm.engine.delegate.VariableScope form, String field) {
        Object value = form.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            throw cn.labordispute.cases.TaskInput.invalidNamed(field, "task.date.required");
        }
        try {
            return toLocalDate(value);
        } catch (RuntimeException e) {
            throw cn.labordispute.cases.TaskInput.invalidNamed(field, "task.date.malformed");
        }
    }

    public static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), WorkingDayCalendar.ZONE);
        }
        if (value instanceof String text && !text.isBlank()) {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        }
        throw new IllegalArgumentException(Texts.zh("deadline.date.malformed", String.valueOf(value)));
    }
}
