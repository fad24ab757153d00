package cn.labordispute.documents;

import java.util.Map;

/**
 * A document was issued on a case (inside the transaction that issued it), with the recorded facts — the process
 * variables — it was made from.
 */
public record DocumentIssued(String caseNumber, long documentId, DocumentKind kind, String title,
        Map<String, Object> facts) {
}
