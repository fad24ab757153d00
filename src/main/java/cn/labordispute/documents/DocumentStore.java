package cn.labordispute.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The dc_document table, and dc_document_void beside it. Rows are only ever inserted. */
@Repository
class DocumentStore {

    private static final String COLUMNS = "d.id, c.case_number, d.kind, d.title, d.template, d.template_version, "
            + "d.sha256, d.activity_id, d.created_by, d.created_at, d.replaces_id, v.voided_by, v.voided_at, v.reason";
    private static final String FROM = " FROM dc_document d JOIN dc_case c ON c.id = d.case_id "
            + "LEFT JOIN dc_document_void v ON v.document_id = d.id ";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, IssuedDocument d) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dc_document (case_id, kind, title, template, template_version, content, sha256, activity_id, "
                        + "created_by, created_at, replaces_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, d.kind().name(), d.title(), d.template(), d.templateVersion(), d.content(), d.sha256(),
                        d.activityId(), d.createdBy(), Timestamp.from(d.createdAt()), d.replaces())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The case's documents, oldest first, without their content. */
    List<IssuedDocument> list(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + ", NULL AS content" + FROM + "WHERE c.case_number = ? ORDER BY d.created_at, d.id")
                .param(caseNumber).query(DocumentStore::row).list();
    }

    Optional<IssuedDocument> find(String caseNumber, long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", d.content" + FROM + "WHERE c.case_number = ? AND d.id = ?")
                .params(caseNumber, id).query(DocumentStore::row).optional();
    }

    private static IssuedDocument row(ResultSet rs, int n) throws SQLException {
        return new IssuedDocument(rs.getLong("id"), rs.getString("case_number"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("template"), rs.getString("template_version"),
                rs.getString("sha256"), rs.getString("activity_id"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("content"),
                rs.getObject("replaces_id") == null ? null : rs.getLong("replaces_id"),
                rs.getString("voided_by") == null ? null : new IssuedDocument.Voiding(rs.getString("voided_by"),
                        rs.getTimestamp("voided_at").toInstant(), rs.getString("reason")));
    }

    /** Marks the document voided; false if it already was (the first voiding stands). */
    boolean voidDocument(long id, String by, Instant at, String reason) {
        try {
            return jdbc.sql("INSERT INTO dc_document_void (document_id, voided_by, voided_at, reason) SELECT ?, ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM dc_document_void WHERE document_id = ?)")
                    .params(id, by, Timestamp.from(at), reason, id).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException voidedAtTheSameMoment) {
            return false;
        }
    }
}
