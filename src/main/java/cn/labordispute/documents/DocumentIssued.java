package cn.labordispute.documents;

/** A document was issued on a case (inside the transaction that issued it). */
public record DocumentIssued(String caseNumber, long documentId, DocumentKind kind, String title) {
}
