package cn.labordispute.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as staff read it through the REST API: the record, its open tasks and its history. */
public record CaseView(String caseNumber, String organisation, String organisationName, String requestedProcedure,
        boolean collective, String summary, LocalDate receivedOn, String stage, String stageLabel, String status,
        String outcome, String outcomeLabel, Instant closedAt, List<PartyView> parties, List<ClaimView> claims,
        BigDecimal totalClaimed, List<TaskView> openTasks, List<TaskView> completedTasks, List<CaseEvent> timeline,
        String firstResponder, String possibleDuplicateOf, boolean mayRevealPersonalData, List<String> revealed,
        Session session) {

    /**
     * The latest mediation session scheduled (none before one is): when, how (IN_PERSON, ONLINE, PHONE, with its
     * Chinese name), where, and for a video session the meeting room's link — the one the notice and the parties'
     * messages carry.
     */
    public record Session(String at, String mode, String modeLabel, String place, String link) {
    }

    /**
     * A party; for a worker also what they claim, whether elected representative, and their own outcome. A worker's
     * identity number and every phone number are masked unless this reading asked for them ({@link PersonalData}).
     */
    public record PartyView(String role, String name, String idType, String idNumber, String maskedIdNumber,
            String phone, boolean migrantWorker, BigDecimal claimedAmount, boolean representative, String outcome,
            String outcomeLabel) {
    }

    public record ClaimView(String causeCode, String causeName, String description, BigDecimal amount) {
    }

    /** A user task of the case, open or done. */
    public record TaskView(String id, String name, String taskKey, String process, String assignee,
            List<String> candidateGroups, Instant created, Instant due, Instant completed, boolean overdue) {
    }
}
