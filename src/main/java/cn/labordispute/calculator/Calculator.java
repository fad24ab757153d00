package cn.labordispute.calculator;

import cn.labordispute.intake.FieldError;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The calculator as parties and staff use it: checks the figures, finds the local average wage for the cap (or takes
 * the one typed in), and calculates.
 */
@Service
public class Calculator {

    private static final BigDecimal MAX = new BigDecimal("100000000");

    /** A request: the organisation (for the region whose average wage applies) and the figures. */
    public record Request(String organisation, BigDecimal monthlyWage, BigDecimal unpaidWages,
            BigDecimal workdayOvertimeHours, BigDecimal restDayOvertimeHours, BigDecimal holidayOvertimeHours,
            LocalDate employedFrom, LocalDate employedUntil, Boolean unlawfulTermination, Boolean compensationDue,
            Integer monthsWithoutContract, BigDecimal averageMonthlyWage) {
    }

    private final AverageWages averages;
    private final Organisations organisations;

    Calculator(AverageWages averages, Organisations organisations) {
        this.averages = averages;
        this.organisations = organisations;
    }

    /** Throws {@link InvalidApplicationException} naming every bad field. */
    public ClaimCalculator.Result calculate(Request r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new InvalidApplicationException(List.of(new FieldError("body", "请求内容为空 / request body is empty")));
        }
        amount(errors, "monthlyWage", "月工资", r.monthlyWage());
        amount(errors, "unpaidWages", "欠发工资", r.unpaidWages());
        amount(errors, "workdayOvertimeHours", "工作日加班小时数", r.workdayOvertimeHours());
        amount(errors, "restDayOvertimeHours", "休息日加班小时数", r.restDayOvertimeHours());
        amount(errors, "holidayOvertimeHours", "法定节假日加班小时数", r.holidayOvertimeHours());
        amount(errors, "averageMonthlyWage", "当地月平均工资", r.averageMonthlyWage());
        if (r.monthsWithoutContract() != null && (r.monthsWithoutContract() < 0 || r.monthsWithoutContract() > 600)) {
            errors.add(new FieldError("monthsWithoutContract",
                    "未签合同月数应为0至600之间的整数 / monthsWithoutContract must be between 0 and 600"));
        }
        if (r.employedFrom() != null && r.employedUntil() != null && r.employedUntil().isBefore(r.employedFrom())) {
            errors.add(new FieldError("employedUntil", "离职日期不能早于入职日期 / employedUntil cannot be before employedFrom"));
        }
        boolean severance = Boolean.TRUE.equals(r.unlawfulTermination()) || Boolean.TRUE.equals(r.compensationDue());
        if (severance && (r.employedFrom() == null || r.employedUntil() == null)) {
            errors.add(new FieldError(r.employedFrom() == null ? "employedFrom" : "employedUntil",
                    "计算经济补偿或赔偿金须填写入职和离职日期 / compensation needs employedFrom and employedUntil"));
        }
        Optional<Organisation> org = r.organisation() == null || r.organisation().isBlank() ? Optional.empty()
                : organisations.find(r.organisation());
        if (r.organisation() != null && !r.organisation().isBlank() && org.isEmpty()) {
            errors.add(new FieldError("organisation", "没有该组织 / unknown organisation: " + r.organisation()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        BigDecimal average = r.averageMonthlyWage();
        String source = average == null ? null : "申请人或工作人员填写";
        if (average == null && severance && org.isPresent()) {
            Optional<AverageWages.Figure> figure = averages.forTerminationIn(org.get().region(), r.employedUntil().getYear());
            if (figure.isPresent()) {
                average = figure.get().monthly();
                source = figure.get().label();
            }
        }
        return ClaimCalculator.calculate(new ClaimCalculator.Input(r.monthlyWage(), r.unpaidWages(),
                r.workdayOvertimeHours(), r.restDayOvertimeHours(), r.holidayOvertimeHours(), r.employedFrom(),
                r.employedUntil(), Boolean.TRUE.equals(r.unlawfulTermination()), Boolean.TRUE.equals(r.compensationDue()),
                r.monthsWithoutContract(), average, source));
    }

    private static void amount(List<FieldError> errors, String field, String label, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX) >= 0)) {
            errors.add(new FieldError(field, label + "应为0至1亿之间的数 / " + field + " must be between 0 and 100,000,000"));
        }
    }
}
