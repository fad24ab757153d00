package cn.labordispute.prevention;

import cn.labordispute.cases.TaskInput;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseNumbers;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.text.FieldError;
import cn.labordispute.intake.IdentityNumbers;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import cn.labordispute.security.StaffDirectory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk ledger (风险台账): stores a reported risk with its number and starts its process (risk_warning, business key
 * the risk number); the process calls back by name ({@code ${riskLedger.graded(execution)}}, …) to keep the row in step:
 * the level and category the decision table gave, the owner of the response plan, the outcome.
 */
@Component("riskLedger")
public class RiskLedger {

    static final String PROCESS = "risk_warning";
    static final Set<String> SOURCES = Set.of("STAFF", "WAGE_ARREARS", "SOCIAL_INSURANCE_ARREARS", "INTAKE_CLUSTER",
            "COLLECTIVE_CASE", "COMPLAINT", "PETITION", "PUBLIC_OPINION");
    static final Set<String> GROUPS = Set.of("MIGRANT", "DISPATCHED", "NEW_FORMS");
    private static final String COLUMNS = "risk_number, org_code, employer_name, employer_credit_code, source, "
            + "affected_groups, workers, amount, petition_risk, description, risk_level, category, status, case_number, "
            + "reported_by, reported_at, closed_at";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final CaseNumbers numbers;
    private final CaseRepository cases;
    private final RuntimeService runtime;
    private final StaffDirectory staff;
    private final org.camunda.bpm.engine.DecisionService decisions;

    RiskLedger(JdbcClient jdbc, Organisations organisations, CaseNumbers numbers, CaseRepository cases,
            RuntimeService runtime, StaffDirectory staff, org.camunda.bpm.engine.DecisionService decisions) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.numbers = numbers;
        this.cases = cases;
        this.runtime = runtime;
        this.staff = staff;
    }

    /** How the risk would be graded, before it is saved: the decision table risk_grading on the same facts. */
    public record Grade(String level, String levelLabel, String category, String categoryLabel) {
    }

    /**
     * The grade the decision table gives this report (the newest deployed risk_grading, as the process that a saved
     * report starts uses); the report's own problems first ({@link InvalidApplicationException}), nothing stored.
     */
    public Grade grade(RiskReport r) {
        List<FieldError> errors = validate(r);
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        Map<String, Object> v = new HashMap<>();
        v.put("workers", r.workers());
        v.put("amount", r.amount() == null ? 0.0 : r.amount().doubleValue());
        v.put("source", r.source());
        v.put("petitionRisk", Boolean.TRUE.equals(r.petitionRisk()));
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("risk_grading").variables(v).evaluate()
                .getSingleResult().getEntryMap();
        String level = (String) result.get("level");
        String category = (String) result.get("category");
        return new Grade(level, Risk.label(level), category, Risk.CATEGORIES.getOrDefault(category, category));
    }

    /** Stores the risk and starts its grading and response; throws {@link InvalidApplicationException} naming fields. */
    @Transactional
    public String report(RiskReport r, String reportedBy) {
        List<FieldError> errors = validate(r);
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        Organisation org = organisations.find(r.organisation()).orElseThrow();
        Instant now = EngineTime.now();
        String number = numbers.nextRisk(org, EngineTime.today().getYear());
        boolean petition = Boolean.TRUE.equals(r.petitionRisk());
        BigDecimal amount = r.amount() == null ? BigDecimal.ZERO : r.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pv_risk (risk_number, org_code, employer_name, employer_credit_code, source, affected_groups, "
                        + "workers, amount, petition_risk, description, status, case_number, reported_by, reported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
                .params(number, org.code(), r.employerName().trim(), blankToNull(r.employerCreditCode()), r.source(),
                        r.affectedGroups() == null ? null : String.join(",", r.affectedGroups()), r.workers(), amount,
                        petition, r.description().trim(), blankToNull(r.caseNumber()), reportedBy, Timestamp.from(now))
                .update(key, "id");
        Map<String, Object> v = new HashMap<>();
        v.put("riskNumber", number);
        v.put("organisation", org.code());
        v.put("employerName", r.employerName().trim());
        v.put("workers", r.workers());
        v.put("amount", amount.doubleValue());
        v.put("source", r.source());
        v.put("petitionRisk", petition);
        v.put("riskReportedOn", EngineTime.today().toString());
        String instance = runtime.startProcessInstanceByKey(PROCESS, number, v).getId();
        jdbc.sql("UPDATE pv_risk SET process_instance_id = ? WHERE risk_number = ?").params(instance, number).update();
        if (r.caseNumber() != null && !r.caseNumber().isBlank()) {
            cases.addEventAtCurrentStage(r.caseNumber(), "RISK_RAISED", "风险台账登记 " + number + "（" + r.source() + "）", now);
        }
        return number;
    }

    private List<FieldError> validate(RiskReport r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(FieldError.of("body", "intake.body.empty"));
            return errors;
        }
        if (r.organisation() == null || organisations.find(r.organisation()).isEmpty()) {
            errors.add(FieldError.of("organisation", "api.organisation.unknown", r.organisation()));
        }
        if (r.employerName() == null || r.employerName().isBlank() || r.employerName().length() > 200) {
            errors.add(FieldError.of("employerName", "risk.employerName"));
        }
        if (r.employerCreditCode() != null && !r.employerCreditCode().isBlank()
                && !IdentityNumbers.isUnifiedSocialCreditCode(r.employerCreditCode())) {
            errors.add(FieldError.of("employerCreditCode", "intake.creditCode.invalid"));
        }
        if (r.source() == null || !SOURCES.contains(r.source())) {
            errors.add(FieldError.of("source", "risk.source", String.join("、", SOURCES.stream().sorted().toList())));
        }
        if (r.affectedGroups() != null && !GROUPS.containsAll(r.affectedGroups())) {
            errors.add(FieldError.of("affectedGroups", "risk.affectedGroups"));
        }
        if (r.workers() == null || r.workers() < 1 || r.workers() > 1_000_000) {
            errors.add(FieldError.of("workers", "risk.workers"));
        }
        if (r.amount() != null && (r.amount().signum() < 0 || r.amount().compareTo(new BigDecimal("1000000000000")) >= 0)) {
            errors.add(FieldError.of("amount", "risk.amount"));
        }
        if (r.description() == null || r.description().isBlank() || r.description().length() > 2000) {
            errors.add(FieldError.of("description", "risk.description"));
        }
        return errors;
    }

    /** After the decision table: the level and category go into the ledger and into the forms' labels. */
    public void graded(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> grade = (Map<String, Object>) execution.getVariable("riskGrade");
        String level = (String) grade.get("level");
        String category = (String) grade.get("category");
        jdbc.sql("UPDATE pv_risk SET risk_level = ?, category = ? WHERE risk_number = ?")
                .params(level, category, execution.getProcessBusinessKey()).update();
        execution.setVariable("riskLevelLabel", Risk.label(level));
        execution.setVariable("riskCategoryLabel", Risk.CATEGORIES.getOrDefault(category, category));
    }

    /** The response plan's owner must be staff of the risk's organisation; otherwise the plan is not saved. */
    public void planned(DelegateTask task) {
        String owner = (String) task.getVariable("riskOwner");
        String organisation = (String) task.getVariable("organisation");
        if (!staff.isStaffOf(owner, organisation)) {
            throw TaskInput.invalid("riskOwner", "risk.owner.notStaff", owner);
        }
        LocalDate due = LocalDate.parse(String.valueOf(task.getVariable("followUpDueDate")).substring(0, 10));
        if (due.isBefore(EngineTime.today())) {
            throw TaskInput.invalid("followUpDueDate", "risk.followUp.past");
        }
        task.getExecution().setVariable("riskOwner", owner.trim());
    }

    /** A follow-up must name the case it turned into, or the next follow-up date if it goes on. */
    public void followedUp(DelegateTask task) {
        String outcome = (String) task.getVariable("riskOutcome");
        if ("TO_CASE".equals(outcome)) {
            Object caseNumber = task.getVariable("linkedCaseNumber");
            if (caseNumber == null || cases.findByNumber(caseNumber.toString().trim()).isEmpty()) {
                throw TaskInput.invalid("linkedCaseNumber", "risk.linkedCase.unknown", caseNumber);
            }
        }
        if ("CONTINUE".equals(outcome)) {
            Object next = task.getVariable("nextFollowUpDate");
            if (next == null || LocalDate.parse(next.toString().substring(0, 10)).isBefore(EngineTime.today())) {
                throw TaskInput.invalid("nextFollowUpDate", "risk.nextFollowUp");
            }
        }
    }

    /** Escalated while being followed up: the ledger now says major. */
    public void escalated(DelegateExecution execution) {
        jdbc.sql("UPDATE pv_risk SET risk_level = 'MAJOR' WHERE risk_number = ?").param(execution.getProcessBusinessKey())
                .update();
        execution.setVariable("riskLevelLabel", Risk.label("MAJOR"));
    }

    /** The risk ends: CLOSED (化解) or TURNED_INTO_CASE, with the case linked both ways. */
    public void close(DelegateExecution execution, String status) {
        Instant now = EngineTime.now();
        Object linked = execution.getVariable("linkedCaseNumber");
        String caseNumber = "TURNED_INTO_CASE".equals(status) && linked != null ? linked.toString().trim() : null;
        jdbc.sql("UPDATE pv_risk SET status = ?, closed_at = ?, case_number = COALESCE(?, case_number) WHERE risk_number = ?")
                .params(status, Timestamp.from(now), caseNumber, execution.getProcessBusinessKey()).update();
        if (caseNumber != null) {
            cases.addEventAtCurrentStage(caseNumber, "RISK_LINKED", "由风险台账 " + execution.getProcessBusinessKey()
                    + " 转为案件办理", now);
        }
    }

    /** The open major and significant risks of some organisations: how many, how many are major, the first of them. */
    public record Urgent(long total, long major, List<Risk> first) {
    }

    /**
     * The open major and significant risks of the organisations (null = all): counted, and the first {@code limit}
     * listed, major before significant, the longest open first — what a supervisor must respond to.
     */
    public Urgent urgent(Set<String> orgs, int limit) {
        if (orgs != null && orgs.isEmpty()) {
            return new Urgent(0, 0, List.of());
        }
        List<Object> params = new ArrayList<>();
        String where = " FROM pv_risk WHERE status = 'OPEN' AND risk_level IN ('MAJOR', 'SIGNIFICANT')"
                + organisations(orgs, params);
        long[] counts = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN risk_level = 'MAJOR' THEN 1 ELSE 0 END)" + where)
                .params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<Risk> first = jdbc.sql("SELECT " + COLUMNS + where
                        + " ORDER BY CASE WHEN risk_level = 'MAJOR' THEN 0 ELSE 1 END, reported_at, id LIMIT " + limit)
                .params(params).query(RiskLedger::row).list();
        return new Urgent(counts[0], counts[1], first);
    }

    /** The condition on the organisations (null = all, no condition), their codes added to the parameters. */
    private static String organisations(Set<String> orgs, List<Object> params) {
        if (orgs == null) {
            return "";
        }
        params.addAll(orgs);
        return " AND org_code IN (" + String.join(", ", orgs.stream().map(o -> "?").toList()) + ")";
    }

    /** The ledger for the given organisations (null = all), newest first. */
    public List<Risk> list(Set<String> orgs, String status) {
        if (orgs != null && orgs.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM pv_risk WHERE 1 = 1" + organisations(orgs, params));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        sql.append(" ORDER BY reported_at DESC, id DESC");
        return jdbc.sql(sql.toString()).params(params).query(RiskLedger::row).list();
    }

    /** The risks noted for one enterprise (by its credit code), newest first: what its own page in the portal lists. */
    public List<Risk> forEmployer(String creditCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pv_risk WHERE employer_credit_code = ? ORDER BY reported_at DESC, id DESC")
                .param(creditCode).query(RiskLedger::row).list();
    }

    public Optional<Risk> find(String riskNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pv_risk WHERE risk_number = ?").param(riskNumber)
                .query(RiskLedger::row).optional();
    }

    /** The process instance of every open risk, with its risk number. */
    Map<String, String> openRiskProcesses() {
        Map<String, String> byProcess = new HashMap<>();
        jdbc.sql("SELECT process_instance_id, risk_number FROM pv_risk WHERE status = 'OPEN' AND process_instance_id IS NOT NULL")
                .query(rs -> {
                    byProcess.put(rs.getString(1), rs.getString(2));
                });
        return byProcess;
    }

    /** Whether the employer already has an open risk from this source (intake raises one, not one per case). */
    /**
     * Another case joined an open case-cluster risk: the risk now counts the workers and the amount of all its cases,
     * and the case's timeline says which risk it joined.
     */
    /**
     * A case joined the open cluster risks against its employer: their workers, amount and description are recounted
     * and each is graded again by the decision table. A risk that rises (一般 → 较大 → 重大) says so in the ledger, on
     * the new case's timeline and in its process; one that becomes 重大 while its plan is being made or followed up
     * leaves that step for the major risk's first response and the city's report (message {@code RiskBecameMajor}).
     */
    void clusterGrew(String employerCreditCode, int workers, BigDecimal amount, String description, String caseNumber) {
        List<Risk> open = jdbc.sql("SELECT " + COLUMNS + " FROM pv_risk WHERE employer_credit_code = ? AND "
                + "source = 'INTAKE_CLUSTER' AND status = 'OPEN'").param(employerCreditCode).query(RiskLedger::row).list();
        jdbc.sql("UPDATE pv_risk SET workers = ?, amount = ?, description = ? WHERE employer_credit_code = ? AND "
                        + "source = 'INTAKE_CLUSTER' AND status = 'OPEN'")
                .params(workers, amount.setScale(2, java.math.RoundingMode.HALF_UP), description, employerCreditCode).update();
        for (Risk r : open) {
            cases.addEventAtCurrentStage(caseNumber, "RISK_JOINED", "并入案件聚集风险 " + r.riskNumber(), EngineTime.now());
            Grade now = grade(new RiskReport(r.organisation(), r.employerName(), employerCreditCode, r.source(), List.of(),
                    workers, amount, r.petitionRisk(), description, caseNumber));
            if (rank(now.level()) > rank(r.level())) {
                regraded(r, now, caseNumber);
            }
        }
    }

    private void regraded(Risk r, Grade now, String caseNumber) {
        jdbc.sql("UPDATE pv_risk SET risk_level = ?, category = ? WHERE risk_number = ?")
                .params(now.level(), now.category(), r.riskNumber()).update();
        cases.addEventAtCurrentStage(caseNumber, "RISK_REGRADED", "案件聚集风险 " + r.riskNumber() + " 由"
                + r.levelLabel() + "升为" + now.levelLabel(), EngineTime.now());
        String instance = jdbc.sql("SELECT process_instance_id FROM pv_risk WHERE risk_number = ?").param(r.riskNumber())
                .query(String.class).optional().orElse(null);
        if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
            return;
        }
        runtime.setVariable(instance, "riskLevelLabel", now.levelLabel());
        runtime.setVariable(instance, "riskCategoryLabel", now.categoryLabel());
        if ("MAJOR".equals(now.level())) {
            runtime.createMessageCorrelation(MAJOR).processInstanceId(instance).correlateAll();
        }
    }

    /** The message that moves a risk's process to the major risk's response when intake re-grades it. */
    static final String MAJOR = "RiskBecameMajor";

    private static int rank(String level) {
        return level == null ? 0 : switch (level) {
            case "MAJOR" -> 3;
            case "SIGNIFICANT" -> 2;
            default -> 1;
        };
    }

    boolean openRiskFor(String employerCreditCode, String source) {
        return jdbc.sql("SELECT COUNT(*) FROM pv_risk WHERE employer_credit_code = ? AND source = ? AND status = 'OPEN'")
                .params(employerCreditCode, source).query(Long.class).single() > 0;
    }

    private static Risk row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Risk(rs.getString("risk_number"), rs.getString("org_code"), rs.getString("employer_name"),
                rs.getString("employer_credit_code"), rs.getString("source"), rs.getString("affected_groups"),
                rs.getInt("workers"), rs.getBigDecimal("amount"), rs.getBoolean("petition_risk"),
                rs.getString("description"), rs.getString("risk_level"), rs.getString("category"),
                rs.getString("status"), rs.getString("case_number"), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant(), closed == null ? null : closed.toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
