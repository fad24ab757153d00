package cn.labordispute.portal;

import cn.labordispute.calculator.Calculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The calculator page's fields as typed (text, so that a bad value is shown back and named). */
public class CalculatorForm {

    String organisation;
    String monthlyWage;
    String unpaidWages;
    String workdayOvertimeHours;
    String restDayOvertimeHours;
    String holidayOvertimeHours;
    String employedFrom;
    String employedUntil;
    String termination = "NONE";
    String monthsWithoutContract;
    String averageMonthlyWage;
    String calculate;

    boolean submitted() {
        return calculate != null;
    }

    /** Throws IllegalArgumentException with the field's name if a value is not a number or a date. */
    Calculator.Request request() {
        return new Calculator.Request(organisation, number("monthlyWage", monthlyWage), number("unpaidWages", unpaidWages),
                number("workdayOvertimeHours", workdayOvertimeHours), number("restDayOvertimeHours", restDayOvertimeHours),
                number("holidayOvertimeHours", holidayOvertimeHours), date("employedFrom", employedFrom),
                date("employedUntil", employedUntil), "UNLAWFUL".equals(termination), "COMPENSATION".equals(termination),
                monthsWithoutContract == null || monthsWithoutContract.isBlank() ? null
                        : number("monthsWithoutContract", monthsWithoutContract).intValue(),
                number("averageMonthlyWage", averageMonthlyWage));
    }

    private static BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field);
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field);
        }
    }

    public void setOrganisation(String v) { organisation = v; }
    public void setMonthlyWage(String v) { monthlyWage = v; }
    public void setUnpaidWages(String v) { unpaidWages = v; }
    public void setWorkdayOvertimeHours(String v) { workdayOvertimeHours = v; }
    public void setRestDayOvertimeHours(String v) { restDayOvertimeHours = v; }
    public void setHolidayOvertimeHours(String v) { holidayOvertimeHours = v; }
    public void setEmployedFrom(String v) { employedFrom = v; }
    public void setEmployedUntil(String v) { employedUntil = v; }
    public void setTermination(String v) { termination = v; }
    public void setMonthsWithoutContract(String v) { monthsWithoutContract = v; }
    public void setAverageMonthlyWage(String v) { averageMonthlyWage = v; }
    public void setCalculate(String v) { calculate = v; }
    public String getOrganisation() { return organisation; }
    public String getMonthlyWage() { return monthlyWage; }
    public String getUnpaidWages() { return unpaidWages; }
    public String getWorkdayOvertimeHours() { return workdayOvertimeHours; }
    public String getRestDayOvertimeHours() { return restDayOvertimeHours; }
    public String getHolidayOvertimeHours() { return holidayOvertimeHours; }
    public String getEmployedFrom() { return employedFrom; }
    public String getEmployedUntil() { return employedUntil; }
    public String getTermination() { return termination; }
    public String getMonthsWithoutContract() { return monthsWithoutContract; }
    public String getAverageMonthlyWage() { return averageMonthlyWage; }
}
