package cn.labordispute.documents;

import cn.labordispute.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** A document as issued on a case; {@code content} is the XHTML exactly as it was handed out. */
public record IssuedDocument(long id, String caseNumber, DocumentKind kind, String title, String template,
        String templateVersion, String sha256, String activityId, String createdBy, Instant createdAt, String content) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDayCalendar.ZONE);

    /** When it was issued, to the minute, in China's time zone. */
    public String issuedAt() {
        return MINUTE.format(createdAt);
    }
}
