package cn.labordispute.prevention;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A row of the risk ledger (风险台账). */
public record Risk(String riskNumber, String organisation, String employerName, String employerCreditCode,
        String source, String affectedGroups, int workers, BigDecimal amount, boolean petitionRisk, String description,
        String level, String category, String status, String caseNumber, String reportedBy, Instant reportedAt,
        Instant closedAt) {

    static final Map<String, String> CATEGORIES = Map.of("MASS_INCIDENT", "群体性事件风险",
            "COLLECTIVE", "集体争议", "WAGE_ARREARS", "欠薪", "SOCIAL_INSURANCE", "社会保险", "INDIVIDUAL", "个别争议");

    public String categoryLabel() {
        return category == null ? "" : CATEGORIES.getOrDefault(category, category);
    }

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
