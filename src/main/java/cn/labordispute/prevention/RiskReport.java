package cn.labordispute.prevention;

import java.math.BigDecimal;
import java.util.List;

/**
 * A risk as staff report it, or as intake raises it: the employer, who is affected (groups: MIGRANT, DISPATCHED,
 * NEW_FORMS), how many workers, how much money, where the signal came from, and whether a collective petition or
 * mass incident is feared. {@code caseNumber} links the case that raised it, if any.
 */
public record RiskReport(String organisation, String employerName, String employerCreditCode, String source,
        List<String> affectedGroups, Integer workers, BigDecimal amount, Boolean petitionRisk, String description,
        String caseNumber) {
}
