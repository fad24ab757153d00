package cn.labordispute.supervision;

import java.math.BigDecimal;
import java.util.List;

/** The figures a supervisor reports for a period, each computed from the database on request. */
public record Statistics(StatisticsFilter filter, Totals totals, List<Month> months, MediationFigures mediation,
        List<StageFigures> stages, OnTime onTime, Amounts amounts, List<CauseFigure> causes, Rate sessions,
        Rate onTheSpot, List<DocumentTurnaround> documents) {

    /**
     * 文书制作时长 of one kind of document the steps issued in the period: how many, and the average and median hours
     * from the beginning of the step that issued each to its issue.
     */
    public record DocumentTurnaround(String title, long issued, Double averageHours, Double medianHours) {
    }

    /** A share: {@code part} of {@code whole}, and the rate (null when there is nothing to divide). */
    public record Rate(long whole, long part, Double rate) {
    }

    /** Cases received and closed in the period; collective cases received; legal aid and follow-up started. */
    public record Totals(long opened, long closed, long collective, long legalAid, long followUp) {
    }

    /** One calendar month: received, closed, and the closure rate 月结率 = closed / (open at the start + received). */
    public record Month(String month, long opened, long closed, long openAtStart, Double closureRate) {
    }

    /**
     * Mediations concluded in the period. Success rate = agreements / concluded, where concluded means agreement,
     * failure, termination at the limit, or the worker leaving for arbitration; withdrawals and refusals to accept
     * are counted apart and do not enter the rate.
     */
    public record MediationFigures(long concluded, long agreements, long withdrawn, long notAccepted, Double successRate,
            Double averageDays, Double medianDays) {
    }

    /**
     * A stage's stints that ended in the period: how many, their average and median length in days, the statutory
     * period it is held against (policy/stage-limits.csv), and the share that ended within it.
     */
    public record StageFigures(String stage, String label, long entered, long ended, Double averageDays,
            Double medianDays, String limitPeriod, String limit, Double withinLimitRate, String limitTitle) {
    }

    /** Watched deadlines closed in the period: met in time or late; on-time rate = met / (met + late). */
    public record OnTime(long met, long late, Double rate) {
    }

    /**
     * Claimed in cases received in the period; agreed in mediations concluded in it; paid under agreements whose
     * fulfilment ended in it. {@code excluded}: the cases received in the period whose claims are above the amount
     * ceilings (policy/amount-limits.csv), left out of the claimed amount and listed so they can be corrected.
     */
    public record Amounts(BigDecimal claimed, BigDecimal agreed, BigDecimal paid, List<String> excluded,
            BigDecimal perClaim, BigDecimal perCase) {
    }

    /** How many cases received in the period claim a cause. */
    public record CauseFigure(String code, String name, long cases) {
    }
}
