package cn.labordispute.supervision;

import cn.labordispute.calendar.EngineTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 以案定补: at closure the mediator who mediated the case (the last to record a mediation session) gets the subsidy the
 * decision table case_subsidy gives for the case's type and outcome; the month's subsidies are reported per mediator.
 * A case nobody mediated earns none.
 */
@Component("subsidies")
public class CaseSubsidies {

    /** One mediator's month. */
    public record MediatorMonth(String mediator, String name, String organisation, long cases, BigDecimal amount) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final DecisionService decisions;

    CaseSubsidies(JdbcClient jdbc, HistoryService history, DecisionService decisions) {
        this.jdbc = jdbc;
        this.history = history;
        this.decisions = decisions;
    }

    /** Called at closure from BPMN, inside the engine's transaction. */
    public void record(DelegateExecution execution, String outcome) {
        String caseNumber = execution.getProcessBusinessKey();
        Optional<String> mediator = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_RecordMediationSession").finished().orderByHistoricTaskInstanceEndTime().desc()
                .list().stream().map(HistoricTaskInstance::getAssignee).filter(a -> a != null).findFirst();
        if (mediator.isEmpty()) {
            return;
        }
        boolean collective = Boolean.TRUE.equals(execution.getVariable("collective"));
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey("case_subsidy")
                .variables(Map.of("collective", collective, "caseOutcome", outcome)).evaluate().getFirstResult();
        if (rule == null) {
            return;
        }
        BigDecimal amount = BigDecimal.valueOf(((Number) rule.getEntry("subsidy")).doubleValue())
                .setScale(2, RoundingMode.HALF_UP);
        jdbc.sql("INSERT INTO dc_subsidy (case_id, org_code, mediator, collective, outcome, amount, basis, decided_at) "
                        + "SELECT id, org_code, ?, ?, ?, ?, ?, ? FROM dc_case WHERE case_number = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM dc_subsidy s WHERE s.case_id = dc_case.id)")
                .params(mediator.get(), collective, outcome, amount, rule.getEntry("basis"),
                        Timestamp.from(EngineTime.now()), caseNumber)
                .update();
    }

    /** The month's subsidies per mediator, within the organisations (null = all). */
    public List<MediatorMonth> month(YearMonth month, Set<String> organisations) {
        StringBuilder sql = new StringBuilder("SELECT s.mediator, u.FIRST_ AS name, s.org_code, COUNT(*), "
                + "SUM(s.amount) FROM dc_subsidy s LEFT JOIN ACT_ID_USER u ON u.ID_ = s.mediator "
                + "WHERE s.decided_at >= ? AND s.decided_at < ?");
        List<Object> params = new ArrayList<>(List.of(
                Timestamp.from(month.atDay(1).atStartOfDay(CHINA).toInstant()),
                Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant())));
        if (organisations != null) {
            if (organisations.isEmpty()) {
                return List.of();
            }
            sql.append(" AND s.org_code IN (").append(String.join(", ", organisations.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(organisations);
        }
        sql.append(" GROUP BY s.mediator, u.FIRST_, s.org_code ORDER BY SUM(s.amount) DESC, s.mediator");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new MediatorMonth(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .list();
    }
}
