package cn.labordispute.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记履行计划: the payment dates and amounts of a mediation agreement (up to three instalments, as the agreement
 * form records them) and what has been paid against them. As the service task after the agreement form it rejects
 * a plan that does not add up (HTTP 400, nothing stored); fulfilment runs one check per date over
 * {@code ${paymentSchedule.dates(execution)}} and adds each check's payment with
 * {@code ${paymentSchedule.recordPayment(execution)}}.
 */
@Component("paymentSchedule")
public class PaymentSchedule implements JavaDelegate {

    /** One instalment: pay {@code amount} yuan by {@code date}. */
    public record Installment(LocalDate date, BigDecimal amount) {
    }

    private static final String[][] FIELDS = {{"paymentDueDate", "firstPaymentAmount"},
            {"secondPaymentDate", "secondPaymentAmount"}, {"thirdPaymentDate", "thirdPaymentAmount"}};

    /** Rejects an agreement whose instalments are out of order, lack an amount, or do not add up to the total. */
    @Override
    public void execute(DelegateExecution execution) {
        List<Installment> installments = installments(execution.getVariables());
        if (installments.isEmpty()) {
            throw TaskInput.invalid("paymentDueDate", "task.payment.date");
        }
        for (int i = 1; i < installments.size(); i++) {
            if (!installments.get(i).date().isAfter(installments.get(i - 1).date())) {
                throw TaskInput.invalid(FIELDS[i][0], "task.payment.order", i + 1);
            }
        }
        for (int i = 0; i < installments.size(); i++) {
            if (installments.get(i).amount() == null || installments.get(i).amount().signum() <= 0) {
                throw TaskInput.invalid(FIELDS[i][1], "task.payment.amount", i + 1);
            }
        }
        BigDecimal total = money(execution.getVariable("agreedAmount"));
        BigDecimal sum = installments.stream().map(Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total == null || total.compareTo(sum) != 0) {
            throw TaskInput.invalid("agreedAmount", "task.payment.total", sum.toPlainString());
        }
    }

    /** The dates to check, as ISO strings, for the fulfilment check's multi-instance. */
    public List<String> dates(DelegateExecution execution) {
        return installments(execution.getVariables()).stream().map(i -> i.date().toString()).toList();
    }

    /** Adds a fulfilment check's {@code paidAmount} to the running total {@code amountPaid}. */
    public void recordPayment(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        BigDecimal paid = money(execution.getVariable("paidAmount"));
        if (paid == null || paid.signum() < 0) {
            throw TaskInput.invalid("paidAmount", "task.payment.paid");
        }
        BigDecimal before = money(execution.getVariable("amountPaid"));
        BigDecimal total = (before == null ? BigDecimal.ZERO : before).add(paid);
        execution.getProcessInstance().setVariable("amountPaid", total.doubleValue());
    }

    /** The instalments recorded in a set of process variables, in order; empty when none is recorded. */
    public static List<Installment> installments(Map<String, Object> variables) {
        List<Installment> out = new ArrayList<>();
        for (String[] f : FIELDS) {
            Object date = variables.get(f[0]);
            if (date == null || date.toString().isBlank()) {
                break;
            }
            out.add(new Installment(date(f[0], date), money(variables.get(f[1]))));
        }
        if (out.size() == 1 && out.get(0).amount() == null) {
            out.set(0, new Installment(out.get(0).date(), money(variables.get("agreedAmount"))));
        }
        return out;
    }

    /** What is still owed: the agreed amount less {@code amountPaid}. */
    public static BigDecimal unpaid(Map<String, Object> variables) {
        BigDecimal agreed = money(variables.get("agreedAmount"));
        BigDecimal paid = money(variables.get("amountPaid"));
        return (agreed == null ? BigDecimal.ZERO : agreed).subtract(paid == null ? BigDecimal.ZERO : paid).max(BigDecimal.ZERO);
    }

    private static LocalDate date(String field, Object value) {
        String s = value.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw TaskInput.invalidNamed(field, "task.date.malformed");
        }
    }

    public static BigDecimal money(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
