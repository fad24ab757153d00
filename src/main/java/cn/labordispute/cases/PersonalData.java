package cn.labordispute.cases;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Roles;
import cn.labordispute.security.StaffDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Parties' identity numbers and telephone numbers: masked wherever staff read a case, shown in full only to those who
 * need them for the case at hand — the member of staff handling it (its first responder, or one who holds or held a
 * step of it) and the organisation's arbitrators — when they ask, and every such reading is written to the access log
 * that supervisors read. Nothing else in the system decides who may see them.
 */
@Component
public class PersonalData {

    /** The fields that may be asked for in full, with the words a person reads for each. */
    public static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("idNumber", "证件号码");
        f.put("phone", "联系电话");
        return java.util.Collections.unmodifiableMap(f);
    }

    /** One reading of a case's personal data in full. */
    public record Access(Instant at, String userId, String userName, String caseNumber, String organisation,
            String field, String fieldLabel) {
    }

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final CaseRepository cases;
    private final StaffDirectory staff;

    PersonalData(JdbcClient jdbc, HistoryService history, CaseRepository cases, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.history = history;
        this.cases = cases;
        this.staff = staff;
    }

    /** 1101**********1234: an identity number with its middle hidden (the employer's public credit code is not). */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isEmpty()) {
            return idNumber;
        }
        if (idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** 138****0000: what a page, an answer or a log shows of someone's number. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.replaceAll("[\\s-]", "");
        p = p.startsWith("+86") ? p.substring(3) : p;
        return p.length() < 7 ? "****" : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    /** Whether the caller needs the case's personal data in full: its handler, or an arbitrator of its organisation. */
    public boolean mayReveal(Caller caller, DisputeCase c) {
        if (caller.groups().contains(Roles.ARBITRATOR.groupFor(c.orgCode()))) {
            return true;
        }
        if (cases.firstResponder(c.id()).filter(caller.userId()::equals).isPresent()) {
            return true;
        }
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(c.caseNumber())
                .taskAssignee(caller.userId()).count() > 0;
    }

    /** Writes one access-log row per field read in full, in the reading's transaction. */
    public void logReading(Caller caller, DisputeCase c, Set<String> fieldsRead, String channel) {
        Timestamp now = Timestamp.from(EngineTime.now());
        for (String field : fieldsRead) {
            jdbc.sql("INSERT INTO dc_personal_data_access (accessed_at, user_id, case_number, org_code, field, channel) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(now, caller.userId(), c.caseNumber(), c.orgCode(), field, channel).update();
        }
    }

    /** The newest readings in the organisations (null: all), newest first. */
    public List<Access> readings(Set<String> organisations, int limit) {
        StringBuilder sql = new StringBuilder("SELECT accessed_at, user_id, case_number, org_code, field "
                + "FROM dc_personal_data_access");
        List<Object> params = new ArrayList<>();
        if (organisations != null) {
            if (organisations.isEmpty()) {
                return List.of();
            }
            sql.append(" WHERE org_code IN (").append(String.join(",", organisations.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(organisations);
        }
        sql.append(" ORDER BY accessed_at DESC, id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        Map<String, String> names = new java.util.HashMap<>();
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Access(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        names.computeIfAbsent(rs.getString(2), staff::displayName), rs.getString(3), rs.getString(4),
                        rs.getString(5), FIELDS.getOrDefault(rs.getString(5), rs.getString(5))))
                .list();
    }
}
