package cn.labordispute.portal;

import cn.labordispute.prevention.HealthChecks;
import cn.labordispute.prevention.Risk;
import cn.labordispute.prevention.RiskLedger;
import cn.labordispute.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 企业档案 in the portal: what an enterprise's verified contact sees — the cases against or by the enterprise (number,
 * office, stage, date; not the workers' details or the applicant's actions), the risks noted for it (number, level,
 * kind, state, date; not the staff's description or source) and its legal health checks with the reports and warning
 * letters addressed to it.
 */
@Component
class EmployerArchive {

    /** At most this many cases are listed, newest first. */
    private static final int CASES = 200;

    public record CaseRow(String caseNumber, String organisation, String stage, LocalDate receivedOn) {
    }

    public record RiskRow(String riskNumber, String level, String category, String status, Instant reportedAt) {
    }

    public record CheckRow(String checkNumber, String status, Instant createdAt, List<HealthChecks.CheckDocument> documents) {
    }

    public record View(String employerName, String creditCode, List<CaseRow> cases, List<RiskRow> risks,
            List<CheckRow> checks) {
    }

    private final JdbcClient jdbc;
    private final PortalCaseView caseView;
    private final RiskLedger risks;
    private final HealthChecks checks;

    EmployerArchive(JdbcClient jdbc, PortalCaseView caseView, RiskLedger risks, HealthChecks checks) {
        this.jdbc = jdbc;
        this.caseView = caseView;
        this.risks = risks;
        this.checks = checks;
    }

    View of(EmployerContacts.Contact contact, boolean english) {
        String code = contact.employerCreditCode();
        List<CaseRow> cases = jdbc.sql("SELECT case_number FROM dc_case WHERE employer_credit_code = ? "
                        + "ORDER BY received_on DESC, id DESC").param(code).query(String.class).list().stream().limit(CASES)
                .map(n -> caseView.summary(n, english)).map(s -> new CaseRow(s.caseNumber(), s.organisation(), s.stage(), s.receivedOn()))
                .toList();
        List<RiskRow> riskRows = risks.forEmployer(code).stream().map(r -> riskRow(r, english)).toList();
        List<CheckRow> checkRows = checks.forEmployer(code).stream().map(c -> new CheckRow(c.checkNumber(),
                Texts.of(english, "portal.employer.check." + c.status()), c.createdAt(),
                checks.documents(c.checkNumber(), false))).toList();
        return new View(contact.employerName(), code, cases, riskRows, checkRows);
    }

    /** A report or warning letter of one of the enterprise's checks, with its content; empty if it is not theirs. */
    Optional<HealthChecks.CheckDocument> document(String creditCode, String checkNumber, long id) {
        return checks.find(checkNumber).filter(c -> c.employerCreditCode().equals(creditCode))
                .flatMap(c -> checks.documents(checkNumber, true).stream().filter(d -> d.id() == id).findFirst());
    }

    private static RiskRow riskRow(Risk r, boolean english) {
        return new RiskRow(r.riskNumber(), r.level() == null ? Texts.of(english, "portal.employer.risk.ungraded")
                : word(english, r.level()), r.category() == null ? "" : word(english, r.category()),
                Texts.of(english, "portal.employer.risk." + r.status()), r.reportedAt());
    }

    private static String word(boolean english, String code) {
        return PartyGuide.word(english, code);
    }

}
