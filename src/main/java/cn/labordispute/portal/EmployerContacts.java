package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.intake.IdentityNumbers;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Caller;
import cn.labordispute.text.FieldError;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's contacts for the portal (企业档案): registered by staff of an organisation after checking the person's
 * authority, revoked by them; a registered phone verified with a one-time code opens the enterprise's page in the
 * portal. An enterprise may have several contacts, and one person may be the contact of several enterprises.
 */
@Repository
public class EmployerContacts {

    /** One registered contact, as staff see it. */
    public record Contact(long id, String organisation, String employerName, String employerCreditCode,
            String contactName, String phone, String registeredBy, Instant registeredAt) implements java.io.Serializable {

        public String maskedPhone() {
            return Phones.masked(phone);
        }
    }

    private static final String COLUMNS = "SELECT id, org_code, employer_name, employer_credit_code, contact_name, phone, "
            + "registered_by, registered_at FROM pt_employer_contact";

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    EmployerContacts(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Registers a contact; every bad field is named and nothing is stored. A contact already registered is kept once. */
    @Transactional
    public Contact register(String organisation, String employerName, String creditCode, String contactName,
            String phone, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (organisation == null || !caller.mayActFor(organisation)) {
            errors.add(FieldError.of("organisation", "api.notPermitted"));
        }
        if (blank(employerName) || employerName.trim().length() > 200) {
            errors.add(FieldError.of("employerName", "contact.employerName"));
        }
        String code = creditCode == null ? "" : creditCode.trim().toUpperCase();
        if (!IdentityNumbers.isUnifiedSocialCreditCode(code)) {
            errors.add(FieldError.of("employerCreditCode", "intake.creditCode.invalid"));
        }
        if (blank(contactName) || contactName.trim().length() > 100) {
            errors.add(FieldError.of("contactName", "contact.name"));
        }
        if (phone == null || !Phones.valid(phone)) {
            errors.add(FieldError.of("phone", "portal.phone"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
        String normalised = Phones.normalise(phone);
        Optional<Contact> existing = active(code, normalised);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("INSERT INTO pt_employer_contact (org_code, employer_name, employer_credit_code, contact_name, phone, "
                        + "registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(organisation, employerName.trim(), code, contactName.trim(), normalised, caller.userId(),
                        Timestamp.from(EngineTime.now()))
                .update();
        Contact registered = active(code, normalised).orElseThrow();
        audit(caller, "EMPLOYER_CONTACT_REGISTERED", registered);
        return registered;
    }

    /** Revokes a contact registered by one of the caller's organisations; false if there is no such contact. */
    @Transactional
    public boolean revoke(long id, Caller caller) {
        Optional<Contact> contact = jdbc.sql(COLUMNS + " WHERE id = ? AND revoked_at IS NULL").param(id)
                .query(EmployerContacts::contact).optional();
        if (contact.isEmpty() || !caller.mayActFor(contact.get().organisation())) {
            return false;
        }
        boolean revoked = jdbc.sql("UPDATE pt_employer_contact SET revoked_by = ?, revoked_at = ? WHERE id = ? "
                        + "AND revoked_at IS NULL").params(caller.userId(), Timestamp.from(EngineTime.now()), id).update() == 1;
        if (revoked) {
            audit(caller, "EMPLOYER_CONTACT_REVOKED", contact.get());
        }
        return revoked;
    }

    /** Who may see an enterprise's records changed: on the audit trail (the phone masked). */
    private void audit(Caller caller, String type, Contact c) {
        events.publishEvent(new org.springframework.boot.actuate.audit.listener.AuditApplicationEvent(caller.userId(),
                type, java.util.Map.of("organisation", c.organisation(), "employerCreditCode", c.employerCreditCode(),
                        "contact", c.contactName(), "phone", c.maskedPhone())));
    }

    /** The contacts registered by the given organisations, newest first. */
    public List<Contact> list(Set<String> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE revoked_at IS NULL AND org_code IN ("
                        + String.join(", ", organisations.stream().map(o -> "?").toList()) + ") ORDER BY registered_at DESC, id DESC")
                .params(List.copyOf(organisations)).query(EmployerContacts::contact).list();
    }

    /** The enterprise's active contact with this (normalised) phone, if staff registered one. */
    Optional<Contact> active(String creditCode, String phone) {
        return jdbc.sql(COLUMNS + " WHERE employer_credit_code = ? AND phone = ? AND revoked_at IS NULL ORDER BY id")
                .params(creditCode, phone).query(EmployerContacts::contact).list().stream().findFirst();
    }

    private static Contact contact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
