package cn.labordispute.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

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

    /** What the worker tells the calculator; null where a rule does not apply. */
    public record Input(BigDecimal monthlyWage, BigDecimal unpaidWages, BigDecimal workdayOvertimeHours,
            BigDecimal restDayOvertimeHours, BigDecimal holidayOvertimeHours, LocalDate employedFrom,
            LocalDate employedUntil, boolean unlawfulTermination, boolean compensationDue,
            Integer monthsWithoutContract, BigDecimal averageMonthlyWage, String averageWageSource) {
    }

    /** One claim line: what, how much, how it was worked out, and under which article. */
    public record Line(String causeCode, String label, BigDecimal amount, String working, String article) {
    }

    public record Result(List<Line> lines, BigDecimal total, List<String> notes) {
    }

    public static Result calculate(Input in) {
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (positive(in.unpaidWages())) {
            lines.add(new Line("PAY_ARREARS", "拖欠劳动报酬", money(in.unpaidWages()), "按申请人填写的欠发工资合计",
                    "《劳动法》第五十条；《劳动合同法》第三十条"));
        }
        if (positive(in.monthlyWage())) {
            BigDecimal hourly = in.monthlyWage().divide(PAID_DAYS_PER_MONTH.multiply(HOURS_PER_DAY), 10, RoundingMode.HALF_UP);
            overtime(lines, hourly, in.workdayOvertimeHours(), "1.5", "工作日延长工作时间", "第四十四条第（一）项");
            overtime(lines, hourly, in.restDayOvertimeHours(), "2", "休息日工作又不能安排补休", "第四十四条第（二）项");
            overtime(lines, hourly, in.holidayOvertimeHours(), "3", "法定休假日工作", "第四十四条第（三）项");
            if ((in.compensationDue() || in.unlawfulTermination()) && in.employedFrom() != null && in.employedUntil() != null) {
                severance(lines, notes, in);
            }
            if (in.monthsWithoutContract() != null && in.monthsWithoutContract() > 0) {
                int months = Math.min(in.monthsWithoutContract(), MAX_DOUBLE_WAGE_MONTHS);
                if (in.monthsWithoutContract() > MAX_DOUBLE_WAGE_MONTHS) {
                    notes.add("未签书面劳动合同的二倍工资最多支付十一个月；满一年未签的视为已订立无固定期限劳动合同（《劳动合同法》第十四条第三款）。");
                }
                lines.add(new Line("TERM_NO_CONTRACT", "未签书面劳动合同二倍工资差额",
                        money(in.monthlyWage().multiply(BigDecimal.valueOf(months))),
                        "月工资 " + money(in.monthlyWage()) + " 元 × " + months + " 个月（另一倍工资）",
                        "《劳动合同法》第八十二条第一款；《劳动合同法实施条例》第六条"));
            }
        } else if (anyHours(in) || in.compensationDue() || in.unlawfulTermination() || in.monthsWithoutContract() != null) {
            notes.add("加班费、经济补偿、赔偿金和二倍工资都以月工资为基数，请填写月工资。");
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

    private static void severance(List<Line> lines, List<String> notes, Input in) {
        if (in.employedUntil().isBefore(in.employedFrom())) {
            notes.add("离职日期早于入职日期，未计算经济补偿。");
            return;
        }
        BigDecimal months = compensationMonths(in.employedFrom(), in.employedUntil());
        BigDecimal base = in.monthlyWage();
        String working = "工作年限 " + describe(in.employedFrom(), in.employedUntil()) + "，计 " + months.stripTrailingZeros()
                .toPlainString() + " 个月";
        String article = "《劳动合同法》第四十七条";
        if (positive(in.averageMonthlyWage())) {
            BigDecimal cap = in.averageMonthlyWage().multiply(CAP_MULTIPLE);
            if (in.monthlyWage().compareTo(cap) > 0) {
                base = cap;
                if (months.compareTo(BigDecimal.valueOf(CAPPED_YEARS)) > 0) {
                    months = BigDecimal.valueOf(CAPPED_YEARS);
                }
                working += "；月工资高于当地上年度职工月平均工资三倍，按三倍 " + money(cap) + " 元计、最多十二年，计 "
                        + months.stripTrailingZeros().toPlainString() + " 个月";
                article += "第二款";
            }
            if (in.averageWageSource() != null) {
                working += "（平均工资来源：" + in.averageWageSource() + "）";
            }
        } else {
            notes.add("未提供当地上年度职工月平均工资，经济补偿未按三倍封顶核算（需人工核对）。");
        }
        BigDecimal n = base.multiply(months);
        working += "；月工资基数 " + money(base) + " 元";
        if (in.unlawfulTermination()) {
            lines.add(new Line("TERM_UNLAWFUL", "违法解除劳动合同赔偿金（2N）", money(n.multiply(BigDecimal.valueOf(2))),
                    working + "；经济补偿标准的二倍", "《劳动合同法》第八十七条、第四十七条"));
        } else {
            lines.add(new Line("TERM_COMPENSATION", "解除劳动合同经济补偿（N）", money(n), working, article));
        }
    }

    private static void overtime(List<Line> lines, BigDecimal hourly, BigDecimal hours, String rate, String what,
            String item) {
        if (!positive(hours)) {
            return;
        }
        BigDecimal amount = hourly.multiply(hours).multiply(new BigDecimal(rate));
        String percent = new BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString();
        lines.add(new Line("PAY_OVERTIME", "加班费：" + what, money(amount),
                "小时工资 " + hourly.setScale(2, RoundingMode.HALF_UP) + " 元（月工资 ÷ 21.75 ÷ 8）× " + hours.stripTrailingZeros()
                        .toPlainString() + " 小时 × " + percent + "%",
                "《劳动法》" + item));
    }

    private static String describe(LocalDate from, LocalDate until) {
        Period p = Period.between(from, until);
        return p.getYears() + " 年 " + p.getMonths() + " 个月 " + p.getDays() + " 日";
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
