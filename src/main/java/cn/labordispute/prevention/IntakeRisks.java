package cn.labordispute.prevention;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseOpened;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Risks that intake raises by itself, in the intake's transaction: a collective case (10 or more workers) goes into the
 * ledger at once; and when the open cases against one employer within the period RISK_CLUSTER_WINDOW reach the
 * threshold of the decision table risk_cluster, a case-cluster risk is raised (once while it is open). Intake holds
 * the employer's lock while it stores a case (and so while this runs), so parallel intakes against one employer, in
 * one organisation or several, count each other and raise one risk.
 */
@Component
class IntakeRisks {

    static final String SYSTEM = "system";

    private final RiskLedger ledger;
    private final DecisionService decisions;
    private final StatutoryPeriods periods;
    private final JdbcClient jdbc;

    IntakeRisks(RiskLedger ledger, DecisionService decisions, StatutoryPeriods periods, JdbcClient jdbc) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.periods = periods;
        this.jdbc = jdbc;
    }

    @EventListener
    void caseOpened(CaseOpened opened) {
        if (opened.collective()) {
            ledger.report(new RiskReport(opened.organisation(), opened.employerName(), opened.employerCreditCode(),
                    "COLLECTIVE_CASE", opened.migrantWorkers() ? List.of("MIGRANT") : List.of(), opened.workers(),
                    opened.totalClaimed(), false, "集体争议受理：" + opened.workers() + " 名劳动者共同请求（案号 "
                            + opened.caseNumber() + "）", opened.caseNumber()), SYSTEM);
        }
        int open = openCasesAgainst(opened.employerCreditCode());
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey("risk_cluster")
                .variables(Map.of("openCases", open)).evaluate().getSingleResult();
        boolean raise = rule != null && Boolean.TRUE.equals(rule.getEntry("raiseRisk"));
        if (!raise) {
            return;
        }
        // the risk carries all the cases that raised it: their workers and what they claim, kept up as cases join
        Object[] all = clusterFigures(opened.employerCreditCode());
        String description = "案件聚集：近 " + window().length() + window().unit().label() + "内受理的针对该单位的未结案件已有 "
                + open + " 件，涉及劳动者 " + all[0] + " 人（最新案号 " + opened.caseNumber() + "）";
        if (!ledger.openRiskFor(opened.employerCreditCode(), "INTAKE_CLUSTER")) {
            ledger.report(new RiskReport(opened.organisation(), opened.employerName(), opened.employerCreditCode(),
                    "INTAKE_CLUSTER", List.of(), (Integer) all[0], (java.math.BigDecimal) all[1], false, description,
                    opened.caseNumber()), SYSTEM);
        } else {
            ledger.clusterGrew(opened.employerCreditCode(), (Integer) all[0], (java.math.BigDecimal) all[1], description,
                    opened.caseNumber());
        }
    }

    /** The workers and the claimed total of the open cases against the employer within the window. */
    private Object[] clusterFigures(String creditCode) {
        LocalDate since = since();
        Integer workers = jdbc.sql("SELECT COUNT(*) FROM dc_case c JOIN dc_party w ON w.case_id = c.id "
                        + "WHERE c.employer_credit_code = ? AND c.status = 'OPEN' AND c.received_on >= ? AND w.role = 'WORKER'")
                .params(creditCode, since).query(Integer.class).single();
        java.math.BigDecimal amount = jdbc.sql("SELECT COALESCE(SUM(k.amount), 0) FROM dc_case c JOIN dc_claim k ON k.case_id = c.id "
                        + "WHERE c.employer_credit_code = ? AND c.status = 'OPEN' AND c.received_on >= ? AND k.superseded_at IS NULL")
                .params(creditCode, since).query(java.math.BigDecimal.class).single();
        return new Object[] {workers, amount};
    }

    private LocalDate since() {
        StatutoryPeriod w = window();
        LocalDate today = EngineTime.today();
        return switch (w.unit()) {
            case MONTHS -> today.minusMonths(w.length());
            case YEARS -> today.minusYears(w.length());
            case WORKING_DAYS -> today.minusDays(w.length() * 7L / 5);
            case DAYS -> today.minusDays(w.length());
        };
    }

    /** Open cases against the employer received within the window, this one included. */
    private int openCasesAgainst(String creditCode) {
        LocalDate since = since();
        return jdbc.sql("SELECT COUNT(*) FROM dc_case c WHERE c.employer_credit_code = ? AND c.status = 'OPEN' "
                        + "AND c.received_on >= ?").params(creditCode, since).query(Integer.class).single();
    }

    private StatutoryPeriod window() {
        return periods.get("RISK_CLUSTER_WINDOW");
    }
}
