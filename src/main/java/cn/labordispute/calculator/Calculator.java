package cn.labordispute.calculator;

import cn.labordispute.text.FieldError;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import cn.labordispute.text.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import cn.labordispute.arbitration.MinimumWages;
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
    private final MinimumWages minimumWages;

    Calculator(AverageWages averages, Organisations organisations, MinimumWages minimumWages) {
        this.averages = averages;
        this.organisations = organisations;
        this.minimumWages = minimumWages;
    }

    /** Throws {@link InvalidApplicationException} naming every bad field. */
    public ClaimCalculator.Result calculate(Request r) {
        return calculate(r, false);
    }

    /** The same, with the result in the reader's language. */
    public ClaimCalculator.Result calculate(Request r, boolean english) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw new InvalidApplicationException(List.of(FieldError.of("body", "intake.body.empty")));
        }
        amount(errors, "monthlyWage", r.monthlyWage());
        amount(errors, "unpaidWages", r.unpaidWages());
        amount(errors, "workdayOvertimeHours", r.workdayOvertimeHours());
        amount(errors, "restDayOvertimeHours", r.restDayOvertimeHours());
        amount(errors, "holidayOvertimeHours", r.holidayOvertimeHours());
        amount(errors, "averageMonthlyWage", r.averageMonthlyWage());
        if (r.monthsWithoutContract() != null && (r.monthsWithoutContract() < 0 || r.monthsWithoutContract() > 600)) {
            errors.add(FieldError.of("monthsWithoutContract", "calculator.monthsWithoutContract"));
        }
        if (r.employedFrom() != null && r.employedUntil() != null && r.employedUntil().isBefore(r.employedFrom())) {
            errors.add(FieldError.of("employedUntil", "calculator.employedUntil"));
        }
        boolean severance = Boolean.TRUE.equals(r.unlawfulTermination()) || Boolean.TRUE.equals(r.compensationDue());
        if (severance && (r.employedFrom() == null || r.employedUntil() == null)) {
            errors.add(FieldError.of(r.employedFrom() == null ? "employedFrom" : "employedUntil",
                    "calculator.datesNeeded"));
        }
        Optional<Organisation> org = r.organisation() == null || r.organisation().isBlank() ? Optional.empty()
                : organisations.find(r.organisation());
        if (r.organisation() != null && !r.organisation().isBlank() && org.isEmpty()) {
            errors.add(FieldError.of("organisation", "api.organisation.unknown", r.organisation()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        BigDecimal average = r.averageMonthlyWage();
        String source = average == null ? null : Texts.of(english, "calc.average.typed");
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
                r.monthsWithoutContract(), average, source,
                average == null && severance && org.isPresent() ? capCannotExceed(org.get().region(), r.employedUntil())
                        : null), english);
    }

    /**
     * Three times the lowest minimum wage in force in the region when employment ended: a monthly wage at or below it
     * is below three times the local average wage (which is not below the lowest minimum wage), so the cap cannot
     * apply. Null when the table has no standard for the region.
     */
    private BigDecimal capCannotExceed(String region, LocalDate endedOn) {
        return minimumWages.lowestInForce(region, endedOn).map(m -> m.multiply(ClaimCalculator.CAP_MULTIPLE)).orElse(null);
    }

    private static void amount(List<FieldError> errors, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX) >= 0)) {
            errors.add(new FieldError(field, Texts.zh("calculator.amount", Texts.zh("calculator.field." + field)),
                    Texts.en("calculator.amount", Texts.en("calculator.field." + field))));
        }
    }
}
