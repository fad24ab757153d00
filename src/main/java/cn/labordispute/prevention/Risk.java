package cn.labordispute.prevention;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of the risk ledger (风险台账). */
public record Risk(String riskNumber, String organisation, String employerName, String employerCreditCode,
        String source, String affectedGroups, int workers, BigDecimal amount, boolean petitionRisk, String description,
        String level, String category, String status, String caseNumber, String reportedBy, Instant reportedAt,
        Instant closedAt) {

    public String levelLabel() {
        return level == null ? "待分级" : label(level);
    }

    /** 一般, 较大 or 重大 for GENERAL, SIGNIFICANT, MAJOR. */
    static String label(String level) {
        return switch (level) {
            case "MAJOR" -> "重大";
            case "SIGNIFICANT" -> "较大";
            default -> "一般";
        };
    }
}
