package cn.labordispute.portal;

import io.micrometer.core.instrument.MeterRegistry;
import cn.labordispute.calendar.EngineTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sliding-window rate limits kept in the database, so that every node of a cluster counts the same requests. A counted
 * request is recorded in its own transaction: a request that fails later still counts.
 */
@Component
class RateLimits {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final MeterRegistry metrics;

    RateLimits(JdbcClient jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Counts one request in the bucket; throws {@link TooManyRequests} if the bucket already holds {@code max}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void take(String bucket, int max) {
        Instant now = EngineTime.now();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        jdbc.sql("DELETE FROM pt_rate_event WHERE bucket = ? AND occurred_at < ?").params(bucket, since).update();
        long used = jdbc.sql("SELECT COUNT(*) FROM pt_rate_event WHERE bucket = ? AND occurred_at >= ?")
                .params(bucket, since).query(Long.class).single();
        if (used >= max) {
            // Prometheus: dispute_portal_rate_limited_total{limit="code:phone"}; the bucket's kind, never the phone
            metrics.counter("dispute.portal.rate.limited", "limit", kind(bucket)).increment();
            throw new TooManyRequests();
        }
        jdbc.sql("INSERT INTO pt_rate_event (bucket, occurred_at) VALUES (?, ?)").params(bucket, Timestamp.from(now))
                .update();
    }

    /** The kind of a bucket: "code:phone:139…" is "code:phone". */
    static String kind(String bucket) {
        int second = bucket.indexOf(':', bucket.indexOf(':') + 1);
        return second < 0 ? bucket : bucket.substring(0, second);
    }

    /** Too many requests from this client or for this phone within the hour. */
    static final class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("rate limit");
        }
    }
}
