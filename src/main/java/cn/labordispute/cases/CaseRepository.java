package cn.labordispute.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The case tables: dc_case, dc_party, dc_claim and dc_case_event. */
@Repository
public class CaseRepository {

    private static final String CASE_COLUMNS = "c.id, c.case_number, c.org_code, c.requested_procedure, c.collective, "
            + "c.summary, c.received_on, c.stage, c.status, c.outcome, c.process_instance_id, c.created_at, c.updated_at, "
            + "c.closed_at";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new case with its parties and claims; returns its id. */
    public long insert(DisputeCase c, List<Party> parties, List<Claim> claims) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String employer = parties.stream().filter(p -> p.role() == Party.Role.EMPLOYER).map(Party::idNumber)
                .findFirst().orElse(null);
        jdbc.sql("INSERT INTO dc_case (case_number, org_code, requested_procedure, collective, summary, received_on, "
                        + "stage, status, created_at, updated_at, employer_credit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.caseNumber(), c.orgCode(), c.requestedProcedure(), c.collective(), c.summary(),
                        c.receivedOn(), c.stage().name(), c.status(), ts(c.createdAt()), ts(c.createdAt()), employer)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Party p : parties) {
            jdbc.sql("INSERT INTO dc_party (case_id, role, name, id_type, id_number, phone, address, migrant_worker, "
                            + "claimed_amount, id_suffix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, p.role().name(), p.name(), p.idType(), p.idNumber(), p.phone(), p.address(),
                            p.migrantWorker(), p.claimedAmount(), CaseQueries.suffix(p.idNumber()))
                    .update();
        }
        for (Claim claim : claims) {
            jdbc.sql("INSERT INTO dc_claim (case_id, cause_code, description, amount) VALUES (?, ?, ?, ?)")
                    .params(id, claim.causeCode(), claim.description(), claim.amount()).update();
        }
        return id;
    }

    /** 首问负责: who owns the case until it is handed over. */
    public void assignFirstResponder(long caseId, String userId) {
        jdbc.sql("UPDATE dc_case SET first_responder = ? WHERE id = ?").params(userId, caseId).update();
    }

    public Optional<String> firstResponder(long caseId) {
        return jdbc.sql("SELECT first_responder FROM dc_case WHERE id = ?").param(caseId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
    }

    /** The open case this one seems to repeat (same applicant, employer and claims, shortly before), if any. */
    public Optional<String> possibleDuplicateOf(long caseId) {
        return jdbc.sql("SELECT possible_duplicate_of FROM dc_case WHERE id = ?").param(caseId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
    }

    /** Keeps the fingerprint of the case's first applicant, employer and claims, for the duplicate look-up. */
    public void recordFingerprint(long caseId, String fingerprint) {
        jdbc.sql("UPDATE dc_case SET application_fingerprint = ? WHERE id = ?").params(fingerprint, caseId).update();
    }

    /** The newest open case created since the instant with this fingerprint, other than this case. */
    public Optional<String> openCaseWithFingerprint(String fingerprint, Instant since, long excluding) {
        return jdbc.sql("SELECT case_number FROM dc_case WHERE application_fingerprint = ? AND created_at >= ? "
                        + "AND status = 'OPEN' AND id <> ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .params(fingerprint, java.sql.Timestamp.from(since), excluding).query(String.class).optional();
    }

    public void markPossibleDuplicate(long caseId, String ofCaseNumber) {
        jdbc.sql("UPDATE dc_case SET possible_duplicate_of = ? WHERE id = ?").params(ofCaseNumber, caseId).update();
    }

    public void linkProcessInstance(long caseId, String processInstanceId) {
        jdbc.sql("UPDATE dc_case SET process_instance_id = ? WHERE id = ?").params(processInstanceId, caseId).update();
    }

    public Optional<DisputeCase> findByNumber(String caseNumber) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM dc_case c WHERE c.case_number = ?").param(caseNumber)
                .query(CASES).optional();
    }

    /**
     * The cases in the organisations (null: every one) in which a party with this identity number appears in this
     * role, newest first, at most {@code limit}.
     */
    public List<DisputeCase> withParty(Party.Role role, String idNumber, Set<String> organisations, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM dc_case c WHERE EXISTS (SELECT 1 FROM "
                + "dc_party p WHERE p.case_id = c.id AND p.role = ? AND p.id_number = ?)");
        List<Object> params = new ArrayList<>(List.of(role.name(), idNumber));
        if (organisations != null) {
            if (organisations.isEmpty()) {
                return List.of();
            }
            sql.append(" AND c.org_code IN (").append(String.join(", ", organisations.stream().map(o -> "?").toList()))
                    .append(")");
            params.addAll(organisations);
        }
        sql.append(" ORDER BY c.received_on DESC, c.id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(CASES).list();
    }

    public List<Party> parties(long caseId) {
        return jdbc.sql("SELECT role, name, id_type, id_number, phone, address, migrant_worker, claimed_amount, "
                        + "representative, outcome FROM dc_party WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> new Party(Party.Role.valueOf(rs.getString("role")), rs.getString("name"),
                        rs.getString("id_type"), rs.getString("id_number"), rs.getString("phone"),
                        rs.getString("address"), rs.getBoolean("migrant_worker"), rs.getBigDecimal("claimed_amount"),
                        rs.getBoolean("representative"), rs.getString("outcome")))
                .list();
    }

    /** Marks exactly the named workers (by identity number) as the representatives the workers elected. */
    public void electRepresentatives(long caseId, Set<String> idNumbers) {
        jdbc.sql("UPDATE dc_party SET representative = FALSE WHERE case_id = ? AND role = 'WORKER'").param(caseId)
                .update();
        for (String idNumber : idNumbers) {
            jdbc.sql("UPDATE dc_party SET representative = TRUE WHERE case_id = ? AND role = 'WORKER' AND id_number = ?")
                    .params(caseId, idNumber).update();
        }
    }

    /** Records the outcome of the named workers (by identity number); null means their part goes on. */
    public void recordWorkerOutcome(long caseId, Set<String> idNumbers, String outcome, CaseStage stage, Instant at) {
        for (String idNumber : idNumbers) {
            jdbc.sql("UPDATE dc_party SET outcome = ?, outcome_stage = ?, outcome_at = ? WHERE case_id = ? "
                            + "AND role = 'WORKER' AND id_number = ?")
                    .params(outcome, outcome == null ? null : stage.name(), outcome == null ? null : ts(at), caseId,
                            idNumber)
                    .update();
        }
    }

    public List<Claim> claims(long caseId) {
        return jdbc.sql("SELECT cause_code, description, amount FROM dc_claim WHERE case_id = ? AND superseded_at IS NULL "
                        + "ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new Claim(rs.getString("cause_code"), rs.getString("description"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /**
     * Replaces the case's claims by the ones staff restated (明确请求): the applicant's rows stay in the table, marked
     * superseded, so nothing the party wrote is lost.
     */
    public void restateClaims(long caseId, List<Claim> claims, Instant at) {
        jdbc.sql("UPDATE dc_claim SET superseded_at = ? WHERE case_id = ? AND superseded_at IS NULL")
                .params(ts(at), caseId).update();
        for (Claim claim : claims) {
            jdbc.sql("INSERT INTO dc_claim (case_id, cause_code, description, amount, origin) VALUES (?, ?, ?, ?, ?)")
                    .params(caseId, claim.causeCode(), claim.description(), claim.amount(), "RESTATED").update();
        }
        jdbc.sql("UPDATE dc_case SET claims_confirmed_at = NULL, updated_at = ? WHERE id = ?").params(ts(at), caseId)
                .update();
    }

    /** The applicant confirmed the claims as restated. */
    public void confirmClaims(long caseId, Instant at) {
        jdbc.sql("UPDATE dc_case SET claims_confirmed_at = ?, updated_at = ? WHERE id = ?").params(ts(at), ts(at), caseId)
                .update();
    }

    public Optional<Instant> claimsConfirmedAt(long caseId) {
        return jdbc.sql("SELECT claims_confirmed_at FROM dc_case WHERE id = ?").param(caseId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    public List<CaseEvent> events(long caseId) {
        return jdbc.sql("SELECT occurred_at, kind, stage, detail FROM dc_case_event WHERE case_id = ? "
                        + "ORDER BY occurred_at, id").param(caseId)
                .query((rs, n) -> new CaseEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                        CaseStage.valueOf(rs.getString("stage")), rs.getString("detail")))
                .list();
    }

    /** Moves the case to a stage and writes the timeline entry; returns false if no such case. */
    public boolean moveToStage(String caseNumber, CaseStage stage, String detail, Instant at) {
        int updated = jdbc.sql("UPDATE dc_case SET stage = ?, updated_at = ? WHERE case_number = ?")
                .params(stage.name(), ts(at), caseNumber).update();
        if (updated == 0) {
            return false;
        }
        addEvent(caseNumber, "STAGE_ENTERED", stage, detail, at);
        return true;
    }

    /**
     * Records the outcome and closes the case (结案); its stage is left for follow-up to move on. Workers whose own
     * part had not ended yet get the case's outcome; a worker who settled earlier keeps theirs.
     */
    public void close(String caseNumber, String outcome, String detail, Instant at) {
        jdbc.sql("UPDATE dc_case SET status = ?, outcome = ?, closed_at = ?, updated_at = ? WHERE case_number = ?")
                .params(DisputeCase.CLOSED, outcome, ts(at), ts(at), caseNumber).update();
        jdbc.sql("UPDATE dc_party SET outcome = ?, outcome_stage = (SELECT stage FROM dc_case WHERE case_number = ?), "
                        + "outcome_at = ? WHERE role = 'WORKER' AND outcome IS NULL "
                        + "AND case_id = (SELECT id FROM dc_case WHERE case_number = ?)")
                .params(outcome, caseNumber, ts(at), caseNumber).update();
        addEventAtCurrentStage(caseNumber, "CLOSED", detail, at);
    }

    public void addEvent(String caseNumber, String kind, CaseStage stage, String detail, Instant at) {
        jdbc.sql("INSERT INTO dc_case_event (case_id, occurred_at, kind, stage, detail) "
                        + "SELECT id, ?, ?, ?, ? FROM dc_case WHERE case_number = ?")
                .params(ts(at), kind, stage.name(), detail, caseNumber).update();
    }

    /** A timeline entry at the case's current stage. */
    public void addEventAtCurrentStage(String caseNumber, String kind, String detail, Instant at) {
        jdbc.sql("INSERT INTO dc_case_event (case_id, occurred_at, kind, stage, detail) "
                        + "SELECT id, ?, ?, stage, ? FROM dc_case WHERE case_number = ?")
                .params(ts(at), kind, detail, caseNumber).update();
    }

    /** Cases matching the filter within the given organisations (null = every organisation), newest first. */
    public List<DisputeCase> search(CaseFilter f, Set<String> organisations) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM dc_case c WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        where(sql, params, f, organisations);
        sql.append(" ORDER BY c.received_on DESC, c.id DESC LIMIT ? OFFSET ?");
        params.add(f.size());
        params.add((long) f.page() * f.size());
        return jdbc.sql(sql.toString()).params(params).query(CASES).list();
    }

    public long count(CaseFilter f, Set<String> organisations) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM dc_case c WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        where(sql, params, f, organisations);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(StringBuilder sql, List<Object> params, CaseFilter f, Set<String> organisations) {
        if (organisations != null) {
            if (organisations.isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND c.org_code IN (").append(String.join(", ", organisations.stream().map(o -> "?").toList()))
                        .append(")");
                params.addAll(organisations);
            }
        }
        if (f.stage() != null) {
            sql.append(" AND c.stage = ?");
            params.add(f.stage().name());
        }
        if (f.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(f.status());
        }
        if (f.organisation() != null) {
            sql.append(" AND c.org_code = ?");
            params.add(f.organisation());
        }
        if (f.causeCode() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dc_claim k WHERE k.case_id = c.id AND k.cause_code = ?)");
            params.add(f.causeCode());
        }
        if (f.receivedFrom() != null) {
            sql.append(" AND c.received_on >= ?");
            params.add(f.receivedFrom());
        }
        if (f.receivedTo() != null) {
            sql.append(" AND c.received_on <= ?");
            params.add(f.receivedTo());
        }
        if (f.text() != null && !f.text().isBlank()) {
            CaseQueries.where(f.text(), sql, params);
        }
    }

    private static final RowMapper<DisputeCase> CASES = CaseRepository::mapCase;

    private static DisputeCase mapCase(ResultSet rs, int n) throws SQLException {
        return new DisputeCase(rs.getLong("id"), rs.getString("case_number"), rs.getString("org_code"),
                rs.getString("requested_procedure"), rs.getBoolean("collective"), rs.getString("summary"),
                rs.getObject("received_on", java.time.LocalDate.class), CaseStage.valueOf(rs.getString("stage")),
                rs.getString("status"), rs.getString("outcome"), rs.getString("process_instance_id"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
