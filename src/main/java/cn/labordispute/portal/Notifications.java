package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.text.Texts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notifications to the parties of a case: written to the outbox (pt_notification) in the transaction of the event
 * that causes them, so a rolled-back event sends nothing, and sent afterwards by the configured {@link SmsSender}. A
 * failed send is retried on the next round, up to five times. The words come from the portal's message bundles
 * ({@code notice.*}), in the language each recipient chose.
 */
@Component
public class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final SmsSender sms;
    private final MessageSource messages;

    Notifications(JdbcClient jdbc, SmsSender sms, MessageSource messages) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.messages = messages;
    }

    /**
     * Queues message {@code key} (with {@code args}) for the case's online applicant; cases filed at the window have
     * no portal phone and get nothing.
     */
    public void notify(String caseNumber, String kind, String key, Object... args) {
        queue(caseNumber, kind, key, args, onlineApplicants(caseNumber));
    }

    /**
     * Queues message {@code key} for every party of the case with a telephone number (workers, employer, and the
     * online applicant's verified phone), once per number; those who did not apply online read it in Chinese.
     */
    public void notifyParties(String caseNumber, String kind, String key, Object... args) {
        Map<String, Object[]> to = new LinkedHashMap<>();
        for (Object[] row : onlineApplicants(caseNumber)) {
            to.put((String) row[1], row);
        }
        jdbc.sql("SELECT p.case_id, p.phone FROM dc_party p JOIN dc_case c ON c.id = p.case_id "
                        + "WHERE c.case_number = ? AND p.phone IS NOT NULL AND p.phone <> '' ORDER BY p.id").param(caseNumber)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), "zh"}).list()
                .forEach(row -> to.putIfAbsent((String) row[1], row));
        queue(caseNumber, kind, key, args, List.copyOf(to.values()));
    }

    private List<Object[]> onlineApplicants(String caseNumber) {
        return jdbc.sql("SELECT a.case_id, a.phone, a.language FROM pt_access a JOIN dc_case c "
                        + "ON c.id = a.case_id WHERE c.case_number = ?").param(caseNumber)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
    }

    private void queue(String caseNumber, String kind, String key, Object[] args, List<Object[]> recipients) {
        for (Object[] row : recipients) {
            Locale locale = "en".equals(row[2]) ? Locale.ENGLISH : Locale.CHINESE;
            String text = messages.getMessage(key, Texts.localised(args, locale), locale) + " [" + caseNumber + "]";
            jdbc.sql("INSERT INTO pt_notification (case_id, phone, kind, text, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(row[0], row[1], kind, text.length() > 500 ? text.substring(0, 500) : text,
                            Timestamp.from(EngineTime.now()))
                    .update();
        }
    }

    /** Sends what is waiting in the outbox; runs every few seconds on each node (a row is claimed before sending). */
    @Scheduled(fixedDelayString = "${dispute.portal.notification-delay-millis:5000}")
    public int sendPending() {
        List<Object[]> pending = jdbc.sql("SELECT id, phone, text, attempts, kind FROM pt_notification WHERE sent_at IS NULL "
                        + "AND attempts < ? ORDER BY id").param(MAX_ATTEMPTS)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)}).list();
        int sent = 0;
        for (Object[] n : pending) {
            // Claim the row: another node that read it too finds attempts changed and leaves it.
            int claimed = jdbc.sql("UPDATE pt_notification SET attempts = attempts + 1 WHERE id = ? AND sent_at IS NULL "
                    + "AND attempts = ?").params(n[0], n[3]).update();
            if (claimed == 0) {
                continue;
            }
            try {
                sms.send((String) n[1], (String) n[4], (String) n[2]);
                jdbc.sql("UPDATE pt_notification SET sent_at = ?, last_error = NULL WHERE id = ?")
                        .params(Timestamp.from(Instant.now()), n[0]).update();
                sent++;
            } catch (RuntimeException e) {
                LOG.warn("Notification {} not sent: {}", n[0], e.toString());
                String error = String.valueOf(e.getMessage());
                jdbc.sql("UPDATE pt_notification SET last_error = ? WHERE id = ?")
                        .params(error.length() > 300 ? error.substring(0, 300) : error, n[0]).update();
            }
        }
        return sent;
    }
}
