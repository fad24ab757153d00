package cn.labordispute.documents;

import java.time.Instant;

/** A document as issued on a case; {@code content} is the XHTML exactly as it was handed out. */
public record IssuedDocument(long id, String caseNumber, DocumentKind kind, String title, String template,
        String templateVersion, String sha256, String activityId, String createdBy, Instant createdAt, String content) {

    public String kindName() {
        return kind.name();
    }
}
