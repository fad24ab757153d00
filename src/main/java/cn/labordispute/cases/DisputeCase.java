package cn.labordispute.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A dispute case as stored: the record that the case's process instance keeps in step. */
public record DisputeCase(long id, String caseNumber, String orgCode, String requestedProcedure, boolean collective,
        String summary, LocalDate receivedOn, CaseStage stage, String status, String outcome, String processInstanceId,
        Instant createdAt, Instant updatedAt, Instant closedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
