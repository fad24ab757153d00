package cn.labordispute.supervision;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseStage;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.prevention.RiskLedger;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the overdue board for a caller: supervisors see their organisations, a mediator only their own tasks. */
@Service
public class SupervisionService {

    private static final int ESCALATION_LIMIT = 100;

    private final OverdueQueries queries;
    private final StatutoryPeriods periods;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final RiskLedger risks;

    SupervisionService(OverdueQueries queries, StatutoryPeriods periods, Deadlines deadlines,
            RuntimeService runtime, RiskLedger risks) {
        this.risks = risks;
        this.queries = queries;
        this.periods = periods;
        this.deadlines = deadlines;
        this.runtime = runtime;
    }

    /** The organisations whose supervisor the caller is; null for a city-wide supervisor; empty if none. */
    static Set<String> supervised(Caller caller) {
        if (caller.cityWide()) {
            return null;
        }
        return caller.organisations().stream()
                .filter(org -> caller.groups().contains(Roles.SUPERVISOR.groupFor(org)))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Transactional(readOnly = true)
    public OverdueBoard board(Caller caller) {
        Set<String> orgs = supervised(caller);
        boolean supervisor = orgs == null || !orgs.isEmpty();
        Set<String> scope = supervisor ? orgs : caller.organisations();
        String assignee = supervisor ? null : caller.userId();

        LocalDate today = EngineTime.today();
        List<UrgentItem> items = queries.urgent(scope, assignee).stream().map(r -> item(r, today)).toList();
        Map<String, long[]> byStage = new java.util.TreeMap<>();
        Map<String, long[]> byOrg = new java.util.TreeMap<>();
        Map<String, long[]> byAssignee = new java.util.TreeMap<>();
        for (OverdueQueries.CountRow r : queries.counts(scope, assignee)) {
            int column = "OVERDUE".equals(r.state()) ? 0 : 1;
            byStage.computeIfAbsent(CaseStage.valueOf(r.stage()).label(), k -> new long[2])[column] += r.n();
            byOrg.computeIfAbsent(r.organisation(), k -> new long[2])[column] += r.n();
            byAssignee.computeIfAbsent(r.assignee() == null ? "（未认领）" : r.assignee(), k -> new long[2])[column] += r.n();
        }
        long overdue = byStage.values().stream().mapToLong(c -> c[0]).sum();
        long soonDue = byStage.values().stream().mapToLong(c -> c[1]).sum();
        List<Escalation> escalations = supervisor ? escalations(orgs) : List.of();
        long escalationCount = supervisor ? queries.escalationCount(orgs) : 0;
        return new OverdueBoard(supervisor, overdue, soonDue, items, byStage, byOrg, byAssignee, escalations,
                escalationCount, supervisor ? workload(orgs) : null);
    }

    /** How many unclaimed tasks the board lists, the longest waiting first. */
    static final int UNCLAIMED_LIMIT = 100;

    /** How many open major and significant risks the board lists (major first, the longest open first). */
    public static final int RISK_LIMIT = 20;

    private Workload workload(Set<String> orgs) {
        Object[] count = queries.unclaimedCount(orgs);
        RiskLedger.Urgent urgent = risks.urgent(orgs, RISK_LIMIT);
        List<Workload.OpenRisk> open = urgent.first().stream()
                .map(r -> new Workload.OpenRisk(r.riskNumber(), r.levelLabel(), "MAJOR".equals(r.level()),
                        r.employerName(), r.workers(), r.amount(), r.reportedAt()))
                .toList();
        return new Workload((Long) count[0], count[1] == null ? null : ((java.sql.Timestamp) count[1]).toInstant(),
                queries.unclaimed(orgs, UNCLAIMED_LIMIT), queries.handlers(orgs, EngineTime.now()), urgent.total(),
                urgent.major(), open);
    }

    private UrgentItem item(OverdueQueries.Row r, LocalDate today) {
        StatutoryPeriod p = r.period() != null && periods.contains(r.period()) ? periods.get(r.period()) : null;
        Date due = Date.from(r.dueAt().toInstant());
        CaseStage stage = CaseStage.valueOf(r.stage());
        return new UrgentItem(r.caseNumber(), r.orgCode(), r.orgName(), stage.name(), stage.label(), r.taskId(),
                r.taskName(), r.assignee(), r.period(), p == null ? "约定期限" : p.title() + "，" + p.describe(),
                p == null ? "当事人约定" : p.source(), r.dueAt().toInstant(), r.state(),
                deadlines.workingDaysOverdue(due, today), r.needsReview());
    }

    private List<Escalation> escalations(Set<String> orgs) {
        Instant now = EngineTime.now();
        List<OverdueQueries.OpenEscalation> open = queries.escalations(orgs, ESCALATION_LIMIT);
        if (open.isEmpty()) {
            return List.of();
        }
        // one query for the variables of every listed escalation, not one per task
        Map<String, Map<String, Object>> byInstance = new java.util.HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(OverdueQueries.OpenEscalation::processInstanceId)
                        .toArray(String[]::new))
                .variableNameIn("caseNumber", "overdueTaskName", "overduePeriod", "overdueDueDate")
                .disableBinaryFetching().list()
                .forEach(v -> byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new java.util.HashMap<>())
                        .put(v.getName(), v.getValue()));
        return open.stream().map(t -> escalation(t, byInstance.getOrDefault(t.processInstanceId(), Map.of()), now))
                .toList();
    }

    private Escalation escalation(OverdueQueries.OpenEscalation t, Map<String, Object> v, Instant now) {
        Instant created = t.created().toInstant();
        return new Escalation(t.taskId(), (String) v.get("caseNumber"), (String) v.get("overdueTaskName"),
                (String) v.get("overduePeriod"), (String) v.get("overdueDueDate"), t.assignee(), created,
                Duration.between(created, now).toHours());
    }
}
