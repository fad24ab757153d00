package cn.labordispute.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Intakes against one employer, one after another: the lock is taken when a case against the employer starts to be
 * stored and held until its transaction ends, so what intake counts and raises for the employer (a possible duplicate,
 * a case-cluster risk) sees every earlier intake, also one made on another node or in another organisation. Intakes
 * against different employers do not wait for each other. On PostgreSQL the lock is the database's (a transaction
 * advisory lock, cluster-wide); the embedded database serves one node, where a lock in this process suffices.
 */
@Component
class EmployerLocks {

    private static final int STRIPES = 256;

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    EmployerLocks(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Waits for the employer's lock and holds it until the current transaction ends; asking again in the same
     * transaction (the key check, then storing the case) takes nothing more.
     */
    void lock(String creditCode) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an employer lock needs a transaction");
        }
        String held = "employer-lock:" + creditCode;
        if (TransactionSynchronizationManager.hasResource(held)) {
            return;
        }
        long key = key(creditCode);
        ReentrantLock lock = postgres ? null : stripes[(int) Math.floorMod(key, (long) STRIPES)];
        if (postgres) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query((rs, n) -> 1).list();
        } else {
            lock.lock();
        }
        TransactionSynchronizationManager.bindResource(held, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(held);
                if (lock != null) {
                    lock.unlock();
                }
            }
        });
    }

    /** A 64-bit key for the credit code, apart from other advisory-lock users by its prefix. */
    private static long key(String creditCode) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("employer:" + creditCode).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
