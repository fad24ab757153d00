package cn.labordispute.documents;

import java.time.Instant;

/**
 * A document as issued on a case; {@code content} is the XHTML exactly as it was handed out. {@code replaces} is the
 * voided document it corrects, if any; {@code voided} says who voided this one, when and why (null while it stands).
 */
public record IssuedDocument(long id, String caseNumber, DocumentKind kind, String title, String template,
        String templateVersion, String sha256, String activityId, String createdBy, Instant createdAt, String content,
        Long replaces, Voiding voided) {

    /** A document voided (作废) by {@code by} at {@code at}, for {@code reason}. */
    public record Voiding(String by, Instant at, String reason) {
    }

    public boolean isVoided() {
        return voided != null;
    }
}
