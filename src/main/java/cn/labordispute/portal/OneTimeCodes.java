package cn.labordispute.portal;

import cn.labordispute.text.Texts;
import cn.labordispute.calendar.EngineTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes sent by text message: to verify a phone when applying, to find one's cases by phone, and to sign a
 * document. Only the hash is stored; a code expires, is used once, and dies after a few wrong tries.
 */
@Component
class OneTimeCodes {

    enum Purpose { APPLY, LOOKUP, SIGN }

    private final JdbcClient jdbc;
    private final SmsSender sms;
    private final RateLimits limits;
    private final PortalProperties properties;

    OneTimeCodes(JdbcClient jdbc, SmsSender sms, RateLimits limits, PortalProperties properties) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.limits = limits;
        this.properties = properties;
    }

    /** Sends a fresh code to the phone, within the rate limits for the phone and for the client; the code. */
    @Transactional
    public String send(String phone, Purpose purpose, String clientAddress, boolean english) {
        if (phone == null || !Phones.valid(phone)) {
            throw PortalError.of("phone", "portal.phone");
        }
        limits.take("code:phone:" + Phones.normalise(phone), properties.codesPerHour());
        limits.take("code:ip:" + clientAddress, properties.codesPerHour() * 4);
        String code = Secrets.oneTimeCode();
        Instant now = EngineTime.now();
        jdbc.sql("INSERT INTO pt_one_time_code (phone, purpose, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(Phones.normalise(phone), purpose.name(), Secrets.hash(code), Timestamp.from(now),
                        Timestamp.from(now.plus(properties.codeLifetime())))
                .update();
        long minutes = properties.codeLifetime().toMinutes();
        sms.send(Phones.normalise(phone), "CODE_" + purpose.name(), english ? Texts.en("portal.code.sms", code, minutes)
                : Texts.zh("portal.code.sms", code, minutes));
        return code;
    }

    /**
     * Uses the phone's newest live code for the purpose: true if it matches. A wrong code counts against that code (in
     * its own transaction, so that the count survives the caller's roll-back); enough wrong tries kill it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = PortalError.class)
    public boolean use(String phone, Purpose purpose, String code) {
        if (phone == null || code == null || code.isBlank()) {
            return false;
        }
        Instant now = EngineTime.now();
        Optional<Object[]> live = jdbc.sql("SELECT id, attempts, code_hash FROM pt_one_time_code WHERE phone = ? "
                        + "AND purpose = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC")
                .params(Phones.normalise(phone), purpose.name(), Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)}).stream().findFirst();
        if (live.isEmpty() || (Integer) live.get()[1] >= properties.maxCodeAttempts()) {
            return false;
        }
        long id = (Long) live.get()[0];
        if (!Secrets.matches(code, (String) live.get()[2])) {
            jdbc.sql("UPDATE pt_one_time_code SET attempts = attempts + 1 WHERE id = ?").param(id).update();
            return false;
        }
        jdbc.sql("UPDATE pt_one_time_code SET used_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        return true;
    }
}
