package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
import cn.labordispute.calendar.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotent intake: a client sends a key with an application (the {@code Idempotency-Key} header, or the portal
 * form's own key), and the first answer to that key is kept for a day. A repeat with the same key and the same
 * application gets that answer again (the same case number) instead of a second case; the same key with another
 * application is refused ({@code 422}), since the client has mixed up two requests.
 */
@Component
public class IntakeRequests {

    /** How long a key is remembered: long enough for any retry, a day. */
    public static final Duration KEPT = Duration.ofDays(1);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    /** The same key with another application. */
    public static class KeyReused extends RuntimeException {
        public KeyReused() {
            super("this Idempotency-Key was used for another application");
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IntakeRequests(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What is wrong with a key a client sent (1 to 100 visible ASCII characters), as field errors. */
    public static List<FieldError> check(String key) {
        if (key == null || KEY.matcher(key).matches()) {
            return List.of();
        }
        return List.of(FieldError.of("Idempotency-Key", "intake.requestKey"));
    }

    /** The fingerprint of an application: equal applications, equal fingerprints. */
    String fingerprint(Object application) {
        try {
            byte[] bytes = json.writeValueAsBytes(application);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the application", e);
        }
    }

    /** The case number the key already opened with the same application, if any; {@link KeyReused} for another. */
    Optional<String> earlier(String scope, String key, String fingerprint) {
        record Stored(String fingerprint, String caseNumber) {
        }
        Optional<Stored> stored = jdbc.sql("SELECT body_sha256, case_number FROM dc_intake_request "
                        + "WHERE scope = ? AND request_key = ? AND created_at >= ?")
                .params(scope, key, Timestamp.from(EngineTime.now().minus(KEPT)))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).optional();
        if (stored.isPresent() && !stored.get().fingerprint().equals(fingerprint)) {
            throw new KeyReused();
        }
        return stored.map(Stored::caseNumber);
    }

    /**
     * Remembers the answer, in the intake's transaction (a parallel request with the same key fails on the primary
     * key and then finds this answer). An expired row of the same key is replaced.
     */
    void remember(String scope, String key, String fingerprint, String caseNumber) {
        jdbc.sql("DELETE FROM dc_intake_request WHERE scope = ? AND request_key = ? AND created_at < ?")
                .params(scope, key, Timestamp.from(EngineTime.now().minus(KEPT))).update();
        jdbc.sql("INSERT INTO dc_intake_request (scope, request_key, body_sha256, case_number, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(scope, key, fingerprint, caseNumber, Timestamp.from(EngineTime.now())).update();
    }

    /** Forgets keys older than a day. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOld() {
        jdbc.sql("DELETE FROM dc_intake_request WHERE created_at < ?")
                .param(Timestamp.from(EngineTime.now().minus(KEPT))).update();
    }
}
