package cn.labordispute.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import cn.labordispute.text.Texts;

/**
 * The amounts a worker may claim, each line with the rule and the article it comes from. Money is in yuan with two
 * decimals, rounded half up at the end of each line. Pure arithmetic: the local average wage comes from the caller.
 */
public final class ClaimCalculator {

    /** 月计薪天数 21.75 (人力资源和社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》, 劳社部发〔2008〕3号). */
    static final BigDecimal PAID_DAYS_PER_MONTH = new BigDecimal("21.75");
    static final BigDecimal HOURS_PER_DAY = new BigDecimal("8");
    /** LCL art.47(2): the cap is three times the local average monthly wage, and then at most twelve years. */
    static final BigDecimal CAP_MULTIPLE = new BigDecimal("3");
    static final int CAPPED_YEARS = 12;
    /** LCL art.82: double wages from the second month, for at most eleven months. */
    static final int MAX_DOUBLE_WAGE_MONTHS = 11;

    private ClaimCalculator() {
    }

    /**
     * What the worker tells the calculator; null where a rule does not apply. {@code capCannotExceed}: when the local
     * average wage is not known, a monthly wage at or below which the cap of LCL art.47(2) cannot apply (three times the
     * lowest local minimum wage: the average wage of employees is not below the lowest minimum wage), or null.
     */
    public record Input(BigDecimal monthlyWage, BigDecimal unpaidWages, BigDecimal workdayOvertimeHours,
            BigDecimal restDayOvertimeHours, BigDecimal holidayOvertimeHours, LocalDate employedFrom,
            LocalDate employedUntil, boolean unlawfulTermination, boolean compensationDue,
            Integer monthsWithoutContract, BigDecimal averageMonthlyWage, String averageWageSource,
            BigDecimal capCannotExceed) {

        public Input(BigDecimal monthlyWage, BigDecimal unpaidWages, BigDecimal workdayOvertimeHours,
                BigDecimal restDayOvertimeHours, BigDecimal holidayOvertimeHours, LocalDate employedFrom,
                LocalDate employedUntil, boolean unlawfulTermination, boolean compensationDue,
                Integer monthsWithoutContract, BigDecimal averageMonthlyWage, String averageWageSource) {
            this(monthlyWage, unpaidWages, workdayOvertimeHours, restDayOvertimeHours, holidayOvertimeHours, employedFrom,
                    employedUntil, unlawfulTermination, compensationDue, monthsWithoutContract, averageMonthlyWage,
                    averageWageSource, null);
        }
    }

    /** One claim line: what, how much, how it was worked out, and under which article. */
    public record Line(String causeCode, String label, BigDecimal amount, String working, String article) {
    }

    public record Result(List<Line> lines, BigDecimal total, List<String> notes) {
    }

    /** The result in Chinese, as staff and the documents read it. */
    public static Result calculate(Input in) {
        return calculate(in, false);
    }

    /** The result in the reader's language (i18n/messages, calc.*). */
    public static Result calculate(Input in, boolean english) {
        Words w = english ? Texts::en : Texts::zh;
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (positive(in.unpaidWages())) {
            lines.add(new Line("PAY_ARREARS", w.t("calc.arrears"), money(in.unpaidWages()), w.t("calc.arrears.working"),
                    w.t("calc.arrears.article")));
        }
        if (positive(in.monthlyWage())) {
            BigDecimal hourly = in.monthlyWage().divide(PAID_DAYS_PER_MONTH.multiply(HOURS_PER_DAY), 10, RoundingMode.HALF_UP);
            overtime(w, lines, hourly, in.workdayOvertimeHours(), "1.5", "workday", 1);
            overtime(w, lines, hourly, in.restDayOvertimeHours(), "2", "restDay", 2);
            overtime(w, lines, hourly, in.holidayOvertimeHours(), "3", "holiday", 3);
            if ((in.compensationDue() || in.unlawfulTermination()) && in.employedFrom() != null && in.employedUntil() != null) {
                severance(w, lines, notes, in);
            }
            if (in.monthsWithoutContract() != null && in.monthsWithoutContract() > 0) {
                int months = Math.min(in.monthsWithoutContract(), MAX_DOUBLE_WAGE_MONTHS);
                if (in.monthsWithoutContract() > MAX_DOUBLE_WAGE_MONTHS) {
                    notes.add(w.t("calc.noContract.max"));
                }
                lines.add(new Line("TERM_NO_CONTRACT", w.t("calc.noContract"),
                        money(in.monthlyWage().multiply(BigDecimal.valueOf(months))),
                        w.t("calc.noContract.working", plain(money(in.monthlyWage())), months),
                        w.t("calc.noContract.article")));
            }
        } else if (anyHours(in) || in.compensationDue() || in.unlawfulTermination() || in.monthsWithoutContract() != null) {
            notes.add(w.t("calc.wageNeeded"));
        }
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Result(List.copyOf(lines), money(total), List.copyOf(notes));
    }

    /**
     * Months of economic compensation for the service (LCL art.47(1)): one month per full year; a remainder of six
     * months or more counts as a year, less than six months as half a month.
     */
    public static BigDecimal compensationMonths(LocalDate from, LocalDate until) {
        Period service = Period.between(from, until);
        BigDecimal months = BigDecimal.valueOf(service.getYears());
        boolean remainder = service.getMonths() > 0 || service.getDays() > 0;
        if (service.getMonths() >= 6) {
            months = months.add(BigDecimal.ONE);
        } else if (remainder) {
            months = months.add(new BigDecimal("0.5"));
        }
        return months;
    }

    private static void severance(Words w, List<Line> lines, List<String> notes, Input in) {
        if (in.employedUntil().isBefore(in.employedFrom())) {
            notes.add(w.t("calc.severance.datesReversed"));
            return;
        }
        BigDecimal months = compensationMonths(in.employedFrom(), in.employedUntil());
        BigDecimal base = in.monthlyWage();
        Period service = Period.between(in.employedFrom(), in.employedUntil());
        String working = w.t("calc.severance.service", service.getYears(), service.getMonths(), service.getDays(),
                plain(months));
        String article = w.t("calc.severance.article");
        if (positive(in.averageMonthlyWage())) {
            BigDecimal cap = in.averageMonthlyWage().multiply(CAP_MULTIPLE);
            if (in.monthlyWage().compareTo(cap) > 0) {
                base = cap;
                if (months.compareTo(BigDecimal.valueOf(CAPPED_YEARS)) > 0) {
                    months = BigDecimal.valueOf(CAPPED_YEARS);
                }
                working += w.t("calc.severance.capped", plain(money(cap)), plain(months));
                article = w.t("calc.severance.article.capped");
            }
            if (in.averageWageSource() != null) {
                working += w.t("calc.severance.averageSource", in.averageWageSource());
            }
        } else if (in.capCannotExceed() == null || in.monthlyWage().compareTo(in.capCannotExceed()) > 0) {
            notes.add(w.t("calc.severance.capUnknown"));
        }
        BigDecimal n = base.multiply(months);
        working += w.t("calc.severance.base", plain(money(base)));
        if (in.unlawfulTermination()) {
            lines.add(new Line("TERM_UNLAWFUL", w.t("calc.unlawful"), money(n.multiply(BigDecimal.valueOf(2))),
                    working + w.t("calc.unlawful.working"), w.t("calc.unlawful.article")));
        } else {
            lines.add(new Line("TERM_COMPENSATION", w.t("calc.compensation"), money(n), working, article));
        }
    }

    private static void overtime(Words w, List<Line> lines, BigDecimal hourly, BigDecimal hours, String rate,
            String what, int item) {
        if (!positive(hours)) {
            return;
        }
        BigDecimal amount = hourly.multiply(hours).multiply(new BigDecimal(rate));
        String percent = plain(new BigDecimal(rate).movePointRight(2));
        lines.add(new Line("PAY_OVERTIME", w.t("calc.overtime." + what), money(amount),
                w.t("calc.overtime.working", plain(hourly.setScale(2, RoundingMode.HALF_UP)), plain(hours), percent),
                w.t("calc.overtime.article." + item)));
    }

    /** A number as written, without grouping or trailing zeros: 30000.00 stays "30000.00", 1.50 hours "1.5". */
    private static String plain(BigDecimal value) {
        return value.scale() == 2 ? value.toPlainString() : value.stripTrailingZeros().toPlainString();
    }

    /** A message of the bundles in one language. */
    @FunctionalInterface
    private interface Words {
        String t(String key, Object... args);
    }

    private static boolean anyHours(Input in) {
        return positive(in.workdayOvertimeHours()) || positive(in.restDayOvertimeHours())
                || positive(in.holidayOvertimeHours());
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
