package cn.labordispute.documents;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import cn.labordispute.calendar.EngineTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signatures on issued documents (dc_signature): who signed, when, and the SHA-256 of exactly what they signed. A kind
 * of document that a party has signed on a case is locked: it cannot be issued again there.
 */
@Component
public class Signatures {

    public record Signature(long documentId, String signerRole, String signerName, String documentSha256,
            Instant signedAt) {
    }

    /** A signed document's kind cannot be issued again on the case. */
    public static class DocumentLocked extends IllegalStateException {
        private final String kind;

        DocumentLocked(String kind) {
            super(Texts.zh("document.locked", kind));
            this.kind = kind;
        }

        /** What the person who tried to issue it reads. */
        public FieldError error() {
            return FieldError.of("kind", "document.locked", kind);
        }
    }

    private final JdbcClient jdbc;

    Signatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the signature on the document as it is stored; returns false if this role had already signed it. */
    public boolean sign(IssuedDocument document, long caseId, String role, String name, String phone) {
        boolean already = jdbc.sql("SELECT COUNT(*) FROM dc_signature WHERE document_id = ? AND signer_role = ?")
                .params(document.id(), role).query(Long.class).single() > 0;
        if (already) {
            return false;
        }
        jdbc.sql("INSERT INTO dc_signature (document_id, signer_role, signer_name, phone, document_sha256, signed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(document.id(), role, name, phone, document.sha256(), Timestamp.from(EngineTime.now())).update();
        return true;
    }

    public List<Signature> of(String caseNumber) {
        return jdbc.sql("SELECT s.document_id, s.signer_role, s.signer_name, s.document_sha256, s.signed_at "
                        + "FROM dc_signature s JOIN dc_document d ON d.id = s.document_id JOIN dc_case c ON c.id = d.case_id "
                        + "WHERE c.case_number = ? ORDER BY s.signed_at").param(caseNumber)
                .query((rs, n) -> new Signature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Whether a party has signed this document. */
    boolean signed(long documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM dc_signature WHERE document_id = ?").param(documentId).query(Long.class)
                .single() > 0;
    }

    boolean locked(long caseId, DocumentKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM dc_signature s JOIN dc_document d ON d.id = s.document_id "
                        + "WHERE d.case_id = ? AND d.kind = ?").params(caseId, kind.name()).query(Long.class).single() > 0;
    }
}
