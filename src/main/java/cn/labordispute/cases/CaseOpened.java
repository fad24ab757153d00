package cn.labordispute.cases;

import java.math.BigDecimal;

/** A case was opened at intake (published inside the intake's transaction). */
public record CaseOpened(String caseNumber, String organisation, String employerName, String employerCreditCode,
        int workers, BigDecimal totalClaimed, boolean collective, boolean migrantWorkers) {
}
