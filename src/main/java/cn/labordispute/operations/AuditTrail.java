package cn.labordispute.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log (Spring Boot's audit events): every event goes to the table {@code ops_audit_event} and to the log
 * under the logger {@code audit}, so an operator reads it at {@code /actuator/auditevents} or in the log store.
 * Modules record an event by publishing an {@code AuditApplicationEvent} (who, what, details); logins come from the
 * security events ({@link LoginAudit}). An event is written in the transaction of what it records, so a change that
 * rolls back leaves no entry claiming it happened.
 */
@Component
class AuditTrail implements AuditEventRepository {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");
    private static final int MAX_DATA = 4000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditTrail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void add(AuditEvent event) {
        String data = write(event.getData());
        jdbc.sql("INSERT INTO ops_audit_event (at, principal, type, data) VALUES (?, ?, ?, ?)")
                .params(Timestamp.from(event.getTimestamp()), truncate(event.getPrincipal(), 64),
                        truncate(event.getType(), 40), data)
                .update();
        AUDIT.info("{} by {}: {}", event.getType(), event.getPrincipal(), data);
    }

    @Override
    public List<AuditEvent> find(String principal, Instant after, String type) {
        StringBuilder sql = new StringBuilder("SELECT at, principal, type, data FROM ops_audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (principal != null) {
            sql.append(" AND principal = ?");
            params.add(principal);
        }
        if (after != null) {
            sql.append(" AND at > ?");
            params.add(Timestamp.from(after));
        }
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST 1000 ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(rs.getTimestamp("at").toInstant(),
                rs.getString("principal"), rs.getString("type"), read(rs.getString("data")))).list();
    }

    private String write(Map<String, Object> data) {
        try {
            String text = json.writeValueAsString(data);
            return text.length() <= MAX_DATA ? text : json.writeValueAsString(Map.of("truncated",
                    text.substring(0, MAX_DATA - 100)));
        } catch (JsonProcessingException e) {
            return "{\"unwritable\":\"" + e.getOriginalMessage().replace('"', '\'') + "\"}";
        }
    }

    private Map<String, Object> read(String data) {
        try {
            return json.readValue(data, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("data", data);
        }
    }

    private static String truncate(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max);
    }
}
