package cn.labordispute.security;

import cn.labordispute.calendar.EngineTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock a member of staff out. Failures are counted per source
 * address and account together: after {@link #FREE_TRIES} failures within {@link #WINDOW} the next try from that address
 * for that account waits 2, 4, 8 … seconds (at most {@link #MAX_WAIT}) after the last failure. The same person at
 * another address is not slowed. An address that fails on many accounts ({@link #ADDRESS_LIMIT} in the window) waits
 * {@link #MAX_WAIT} between tries. Nothing is ever locked: a wait ends by itself, and the right password after it works.
 * Counted in the database, so every node of a cluster sees the same failures.
 */
@Component
class LoginThrottle {

    static final int FREE_TRIES = 5;
    static final int ADDRESS_LIMIT = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long this address must still wait before it may try this account again, if at all. */
    Optional<Duration> waitFor(String address, String account) {
        address = clip(address, 64);
        account = clip(account, 128);
        Instant now = EngineTime.now();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        Duration wait = Duration.ZERO;
        Failures pair = jdbc.sql("SELECT COUNT(*) AS n, MAX(occurred_at) AS latest FROM sec_login_failure "
                + "WHERE address = ? AND account = ? AND occurred_at >= ?").params(address, account, since)
                .query(Failures.class).single();
        if (pair.n() >= FREE_TRIES) {
            long seconds = Math.min(MAX_WAIT.toSeconds(), 1L << Math.min(20, pair.n() - FREE_TRIES + 1));
            wait = remaining(pair.latest(), Duration.ofSeconds(seconds), now);
        }
        Failures fromAddress = jdbc.sql("SELECT COUNT(*) AS n, MAX(occurred_at) AS latest FROM sec_login_failure "
                + "WHERE address = ? AND occurred_at >= ?").params(address, since).query(Failures.class).single();
        if (fromAddress.n() >= ADDRESS_LIMIT) {
            Duration spray = remaining(fromAddress.latest(), MAX_WAIT, now);
            wait = spray.compareTo(wait) > 0 ? spray : wait;
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String address, String account) {
        Instant now = EngineTime.now();
        jdbc.sql("DELETE FROM sec_login_failure WHERE occurred_at < ?").param(Timestamp.from(now.minus(WINDOW))).update();
        jdbc.sql("INSERT INTO sec_login_failure (address, account, occurred_at) VALUES (?, ?, ?)")
                .params(clip(address, 64), clip(account, 128), Timestamp.from(now)).update();
    }

    /** A right password clears the failures of this address on this account. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String address, String account) {
        address = clip(address, 64);
        account = clip(account, 128);
        jdbc.sql("DELETE FROM sec_login_failure WHERE address = ? AND account = ?").params(address, account).update();
    }

    private static Duration remaining(Timestamp latest, Duration wait, Instant now) {
        return latest == null ? Duration.ZERO : Duration.between(now, latest.toInstant().plus(wait));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    record Failures(long n, Timestamp latest) {
    }
}
