package cn.labordispute.portal;

import cn.labordispute.cases.CaseNumbers;
import cn.labordispute.security.Organisations;
import java.time.LocalDateTime;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.calendar.EngineTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may follow a case: whoever holds its number and access code, or the applicant's verified phone. Wrong access
 * codes count per case; after too many the case is locked for a while, even against the right code.
 */
@Service
class PortalAccess {

    private static final String ACCESS = "SELECT a.case_id, c.case_number, a.applicant_role, a.phone, a.language, "
            + "a.code_hash, a.failed_attempts, a.locked_until FROM pt_access a JOIN dc_case c ON c.id = a.case_id";

    /** A case's portal access as stored. */
    record Access(long caseId, String caseNumber, String applicantRole, String phone, String language) {
    }

    private final JdbcClient jdbc;
    private final RateLimits limits;
    private final OneTimeCodes codes;
    private final PortalProperties properties;
    private final Organisations organisations;
    private final EmployerContacts contacts;

    PortalAccess(JdbcClient jdbc, RateLimits limits, OneTimeCodes codes, PortalProperties properties,
            Organisations organisations, EmployerContacts contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.limits = limits;
        this.codes = codes;
        this.properties = properties;
    }

    /** The case if the code is right and the case not locked; throws {@link PortalError} otherwise. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = PortalError.class)
    public Access withCode(String caseNumber, String code, String clientAddress) {
        limits.take("lookup:ip:" + clientAddress, properties.lookupsPerHour());
        Optional<Object[]> row = jdbc.sql(ACCESS + " WHERE c.case_number = ?")
                .param(CaseNumbers.canonical(caseNumber, organisations.all().stream().map(o -> o.casePrefix()).toList()))
                .query((rs, n) -> new Object[] {access(rs, n), rs.getString(6), rs.getInt(7), rs.getTimestamp(8)})
                .optional();
        Instant now = EngineTime.now();
        // Same answer for an unknown case and a wrong code: the page does not reveal which case numbers exist.
        PortalError wrong = PortalError.of("code", "portal.lookup.wrong");
        if (row.isEmpty()) {
            throw wrong;
        }
        Access access = (Access) row.get()[0];
        Timestamp lockedUntil = (Timestamp) row.get()[3];
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            throw PortalError.of("code", "portal.lookup.locked",
                    LocalDateTime.ofInstant(lockedUntil.toInstant(), WorkingDayCalendar.ZONE));
        }
        if (!Secrets.matches(code, (String) row.get()[1])) {
            int failures = (Integer) row.get()[2] + 1;
            boolean lock = failures >= properties.lockAfterFailures();
            jdbc.sql("UPDATE pt_access SET failed_attempts = ?, locked_until = ? WHERE case_id = ?")
                    .params(lock ? 0 : failures, lock ? Timestamp.from(now.plus(properties.lockFor())) : null,
                            access.caseId())
                    .update();
            throw wrong;
        }
        jdbc.sql("UPDATE pt_access SET failed_attempts = 0 WHERE case_id = ?").param(access.caseId()).update();
        if (Secrets.needsUpgrade((String) row.get()[1])) { // an older hash: stored again at today's strength
            jdbc.sql("UPDATE pt_access SET code_hash = ? WHERE case_id = ?").params(Secrets.hash(code), access.caseId())
                    .update();
        }
        return access;
    }

    /** The cases filed online with this phone, if the one-time code sent to it is right. */
    @Transactional
    public List<Access> withPhone(String phone, String code, String clientAddress) {
        limits.take("lookup:ip:" + clientAddress, properties.lookupsPerHour());
        if (phone == null || !Phones.valid(phone) || !codes.use(phone, OneTimeCodes.Purpose.LOOKUP, code)) {
            throw PortalError.of("code", "portal.lookupByPhone.wrong");
        }
        return byPhone(Phones.normalise(phone));
    }

    /**
     * An enterprise's page for its registered contact: the credit code, the contact's phone and the one-time code sent to
     * it must all match. A phone that is not the enterprise's contact is told so (the code proved it is theirs).
     */
    @Transactional
    public EmployerContacts.Contact asEmployer(String creditCode, String phone, String code, String clientAddress) {
        limits.take("lookup:ip:" + clientAddress, properties.lookupsPerHour());
        String credit = creditCode == null ? "" : creditCode.trim().toUpperCase();
        if (!cn.labordispute.intake.IdentityNumbers.isUnifiedSocialCreditCode(credit)) {
            throw PortalError.of("employerCreditCode", "intake.creditCode.invalid");
        }
        if (phone == null || !Phones.valid(phone) || !codes.use(phone, OneTimeCodes.Purpose.LOOKUP, code)) {
            throw PortalError.of("code", "portal.lookupByPhone.wrong");
        }
        return contacts.active(credit, Phones.normalise(phone))
                .orElseThrow(() -> PortalError.of("employerCreditCode", "portal.employer.notContact"));
    }

    Optional<Access> find(String caseNumber) {
        return jdbc.sql(ACCESS + " WHERE c.case_number = ?").param(caseNumber).query(PortalAccess::access).optional();
    }

    private List<Access> byPhone(String phone) {
        return jdbc.sql(ACCESS + " WHERE a.phone = ? ORDER BY c.created_at DESC").param(phone).query(PortalAccess::access)
                .list();
    }

    private static Access access(ResultSet rs, int row) throws SQLException {
        return new Access(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
