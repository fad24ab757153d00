package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.documents.DocumentTemplates;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence files of a case (PDF, JPEG, PNG). The type is read from the content, never from the name; each file is
 * stored once per case by its SHA-256, so the same evidence uploaded again is recognised and reused at every stage.
 */
@Component
public class Evidence {

    /** An uploaded file before it is checked. */
    record Upload(String fileName, byte[] content) {
    }

    /** A stored piece of evidence, without its content. */
    public record Item(long id, String fileName, String contentType, int sizeBytes, String sha256, String stage,
            java.time.Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final PortalProperties properties;

    Evidence(JdbcClient jdbc, PortalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Checks every file before anything is stored; the field names the file that is wrong. */
    void check(List<Upload> uploads) {
        if (uploads.size() > properties.maxEvidenceFiles()) {
            throw PortalError.of("evidence", "portal.evidence.tooMany", properties.maxEvidenceFiles());
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "evidence[" + i + "]";
            if (u.content().length == 0) {
                throw PortalError.of(field, "portal.evidence.empty", name(u));
            }
            if (u.content().length > properties.maxEvidenceBytes()) {
                long mb = properties.maxEvidenceBytes() / (1024 * 1024);
                throw PortalError.of(field, "portal.evidence.tooLarge", mb, name(u));
            }
            if (contentType(u.content()).isEmpty()) {
                throw PortalError.of(field, "portal.evidence.type", name(u));
            }
        }
    }

    /** Stores the files (already checked) on the case; a file the case already holds is not stored twice. */
    int store(long caseId, List<Upload> uploads, String stage) {
        check(uploads);
        int stored = 0;
        for (Upload u : uploads) {
            String sha = DocumentTemplates.sha256(u.content());
            boolean known = jdbc.sql("SELECT COUNT(*) FROM pt_evidence WHERE case_id = ? AND sha256 = ?")
                    .params(caseId, sha).query(Long.class).single() > 0;
            if (known) {
                continue;
            }
            jdbc.sql("INSERT INTO pt_evidence (case_id, file_name, content_type, size_bytes, sha256, content, stage, "
                            + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(caseId, name(u), contentType(u.content()).orElseThrow(), u.content().length, sha,
                            u.content(), stage, Timestamp.from(EngineTime.now()))
                    .update();
            stored++;
        }
        return stored;
    }

    public List<Item> list(long caseId) {
        return jdbc.sql("SELECT id, file_name, content_type, size_bytes, sha256, stage, uploaded_at FROM pt_evidence "
                        + "WHERE case_id = ? ORDER BY uploaded_at, id").param(caseId)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** A stored file with its content. */
    record File(String contentType, byte[] content, String fileName) {
    }

    /** The file, if it belongs to the case. */
    Optional<File> content(long caseId, long id) {
        return jdbc.sql("SELECT content_type, content, file_name FROM pt_evidence WHERE case_id = ? AND id = ?")
                .params(caseId, id)
                .query((rs, n) -> new File(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
    }

    /** The file as a download. */
    static ResponseEntity<byte[]> download(File f) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(f.content());
    }

    /** PDF, JPEG or PNG by their signatures (magic numbers); anything else is refused. */
    static Optional<String> contentType(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String name(Upload u) {
        String n = u.fileName() == null || u.fileName().isBlank() ? "未命名" : u.fileName();
        n = n.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
