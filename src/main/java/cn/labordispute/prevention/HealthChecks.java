package cn.labordispute.prevention;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseNumbers;
import cn.labordispute.documents.DocumentTemplates;
import cn.labordispute.documents.Formats;
import cn.labordispute.text.FieldError;
import cn.labordispute.intake.IdentityNumbers;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 法治体检: an enterprise's legal health check (process legal_health_check, business key the check number) and the
 * documents it produces — the report with the problem analysis, training and recommended rules, and a warning letter
 * (提示函) where the risk is serious — rendered from templates/prevention/ and stored with their hash.
 */
@Component("healthChecks")
public class HealthChecks {

    static final String PROCESS = "legal_health_check";
    private static final Map<String, String> TITLES = Map.of("HEALTH_CHECK_REPORT", "企业法治体检报告",
            "WARNING_LETTER", "劳动用工风险提示函");
    private static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("checkedContracts", "劳动合同订立与管理");
        ITEMS.put("checkedWages", "工资支付");
        ITEMS.put("checkedHours", "工时与休息休假");
        ITEMS.put("checkedSocialInsurance", "社会保险");
        ITEMS.put("checkedRules", "规章制度与民主程序");
        ITEMS.put("checkedMediation", "内部协商调解机制");
    }

    /** A check as stored. */
    public record Check(long id, String checkNumber, String organisation, String employerName, String employerCreditCode,
            String reason, String status, String requestedBy, Instant createdAt, Instant closedAt) {
    }

    /** A document of a check, without its content unless asked for. */
    public record CheckDocument(long id, String kind, String title, String sha256, String createdBy, Instant createdAt,
            String content) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final CaseNumbers numbers;
    private final RuntimeService runtime;
    private final DocumentTemplates templates;

    HealthChecks(JdbcClient jdbc, Organisations organisations, CaseNumbers numbers, RuntimeService runtime,
            DocumentTemplates templates) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.numbers = numbers;
        this.runtime = runtime;
        this.templates = templates;
    }

    /** Registers a check and starts its process; throws {@link InvalidApplicationException} naming bad fields. */
    @Transactional
    public String request(String organisation, String employerName, String employerCreditCode, String reason,
            String requestedBy) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Organisation> org = organisation == null ? Optional.empty() : organisations.find(organisation);
        if (org.isEmpty()) {
            errors.add(FieldError.of("organisation", "api.organisation.unknown", organisation));
        }
        if (employerName == null || employerName.isBlank() || employerName.length() > 200) {
            errors.add(FieldError.of("employerName", "healthCheck.employerName"));
        }
        if (!IdentityNumbers.isUnifiedSocialCreditCode(employerCreditCode)) {
            errors.add(FieldError.of("employerCreditCode", "intake.creditCode.invalid"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.add(FieldError.of("reason", "healthCheck.reason"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        String number = numbers.nextCheck(org.get(), EngineTime.today().getYear());
        jdbc.sql("INSERT INTO pv_health_check (check_number, org_code, employer_name, employer_credit_code, reason, status, "
                        + "requested_by, created_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)")
                .params(number, organisation, employerName.trim(), employerCreditCode, reason.trim(), requestedBy,
                        Timestamp.from(EngineTime.now()))
                .update();
        Map<String, Object> v = new HashMap<>();
        v.put("checkNumber", number);
        v.put("organisation", organisation);
        v.put("employerName", employerName.trim());
        v.put("checkRequestedOn", EngineTime.today().toString());
        String instance = runtime.startProcessInstanceByKey(PROCESS, number, v).getId();
        jdbc.sql("UPDATE pv_health_check SET process_instance_id = ? WHERE check_number = ?").params(instance, number)
                .update();
        return number;
    }

    /** Called from BPMN: renders the document from the check and the process's variables, and stores it. */
    public void issue(DelegateExecution execution, String kind) {
        Check check = find(execution.getProcessBusinessKey()).orElseThrow();
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> v = new HashMap<>(execution.getVariables());
        v.values().removeIf(x -> x == null);
        m.put("check", check);
        m.put("org", organisations.find(check.organisation()).orElseThrow());
        m.put("v", v);
        m.put("fmt", new Formats());
        m.put("issuedOn", EngineTime.today());
        m.put("items", ITEMS.entrySet().stream().filter(e -> Boolean.TRUE.equals(v.get(e.getKey())))
                .map(Map.Entry::getValue).toList());
        String template = "prevention/" + ("WARNING_LETTER".equals(kind) ? "warning-letter" : "health-check-report") + ".ftlh";
        String html = templates.render(template, m);
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        jdbc.sql("INSERT INTO pv_document (check_id, kind, title, content, sha256, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(check.id(), kind, TITLES.getOrDefault(kind, kind), html, DocumentTemplates.sha256(html),
                        auth == null ? "system" : auth.getUserId(), Timestamp.from(EngineTime.now()))
                .update();
    }

    public void done(DelegateExecution execution) {
        jdbc.sql("UPDATE pv_health_check SET status = 'DONE', closed_at = ? WHERE check_number = ?")
                .params(Timestamp.from(EngineTime.now()), execution.getProcessBusinessKey()).update();
    }

    private static final String CHECK_COLUMNS = "SELECT id, check_number, org_code, employer_name, employer_credit_code, "
            + "reason, status, requested_by, created_at, closed_at FROM pv_health_check";

    public Optional<Check> find(String checkNumber) {
        return jdbc.sql(CHECK_COLUMNS + " WHERE check_number = ?").param(checkNumber).query(HealthChecks::check).optional();
    }

    /** One enterprise's checks (by its credit code), newest first: what its own page in the portal lists. */
    public List<Check> forEmployer(String creditCode) {
        return jdbc.sql(CHECK_COLUMNS + " WHERE employer_credit_code = ? ORDER BY id DESC").param(creditCode)
                .query(HealthChecks::check).list();
    }

    /** The checks of the given organisations (null = all), newest first. */
    public List<Check> list(Set<String> orgs) {
        if (orgs != null && orgs.isEmpty()) {
            return List.of();
        }
        String where = orgs == null ? "" : " WHERE org_code IN (" + String.join(", ", orgs.stream().map(o -> "?").toList()) + ")";
        return jdbc.sql(CHECK_COLUMNS + where + " ORDER BY id DESC").params(orgs == null ? List.of() : List.copyOf(orgs))
                .query(HealthChecks::check).list();
    }

    private static Check check(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp closed = rs.getTimestamp(10);
        return new Check(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                closed == null ? null : closed.toInstant());
    }

    public List<CheckDocument> documents(String checkNumber, boolean withContent) {
        return jdbc.sql("SELECT d.id, d.kind, d.title, d.sha256, d.created_by, d.created_at, d.content FROM pv_document d "
                        + "JOIN pv_health_check c ON c.id = d.check_id WHERE c.check_number = ? ORDER BY d.id")
                .param(checkNumber).query((rs, n) -> new CheckDocument(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), withContent ? rs.getString(7) : null))
                .list();
    }
}
