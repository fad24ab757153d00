package cn.labordispute.cases;

import cn.labordispute.security.Organisation;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers such as 渝中劳调〔2026〕00001号, risk numbers such as 渝中风险〔2026〕0001号 and 法治体检 numbers:
 * unique and gap-free per organisation and year, without making intakes wait for each other.
 * <p>
 * A number is taken in the caller's transaction from what an earlier transaction gave back (a rolled-back intake, or
 * one on a node that died), the lowest first; otherwise the counter row is incremented in a short transaction of its
 * own, which also writes the number to {@code dc_number_allocation}, and the caller's transaction deletes that row.
 * The counter's row lock is so held for milliseconds instead of through the whole intake. When the caller's
 * transaction commits, the number is used and its allocation row gone; when it rolls back, the row comes back and is
 * marked released; when its node dies, the row stays unmarked and is taken once it is older than any transaction
 * can last ({@code dispute.numbers.reuse-after}). Rows being used are locked by their transaction, and a transaction
 * looking for a number skips them ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
public class CaseNumbers {

    /** A counter table: one row per organisation and year. */
    private record Counter(String table, String yearColumn) {
    }

    private static final Counter CASES = new Counter("dc_case_number_sequence", "case_year");
    private static final Counter RISKS = new Counter("pv_risk_number_sequence", "risk_year");
    private static final Counter CHECKS = new Counter("pv_check_number_sequence", "check_year");

    private final JdbcClient jdbc;
    /** The counters' own short transactions, on a pool of their own: they never wait for a connection an intake holds. */
    private final HikariDataSource counterPool;
    private final JdbcClient counterJdbc;
    private final TransactionTemplate counterTransaction;
    private final Duration reuseAfter;

    CaseNumbers(JdbcClient jdbc, DataSourceProperties database,
            @Value("${dispute.numbers.reuse-after:PT10M}") Duration reuseAfter,
            @Value("${dispute.numbers.pool-size:4}") int poolSize) {
        this.jdbc = jdbc;
        this.counterPool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        counterPool.setPoolName("case-numbers");
        counterPool.setMaximumPoolSize(poolSize);
        counterPool.setMinimumIdle(1);
        this.counterJdbc = JdbcClient.create(counterPool);
        this.counterTransaction = new TransactionTemplate(new DataSourceTransactionManager(counterPool));
        this.reuseAfter = reuseAfter;
    }

    @PreDestroy
    void close() {
        counterPool.close();
    }

    /** The next number; must run inside the transaction that stores the case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(Organisation organisation, int year) {
        return format(organisation.casePrefix(), year, next(CASES, organisation.code(), year));
    }

    /** The next risk number (the organisation's prefix without 劳调, then 风险); inside the transaction storing the risk. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextRisk(Organisation organisation, int year) {
        return String.format("%s风险〔%d〕%04d号", organisation.casePrefix().replace("劳调", ""), year,
                next(RISKS, organisation.code(), year));
    }

    /** The next 法治体检 number, e.g. 渝中法治体检〔2026〕0001号; inside the transaction storing the check. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextCheck(Organisation organisation, int year) {
        return String.format("%s法治体检〔%d〕%04d号", organisation.casePrefix().replace("劳调", ""), year,
                next(CHECKS, organisation.code(), year));
    }

    private int next(Counter counter, String orgCode, int year) {
        Integer number = givenBack(counter, orgCode, year).orElseGet(() -> counted(counter, orgCode, year));
        // the caller's transaction deletes the allocation: committed, the number is used; rolled back, the row is back
        jdbc.sql("DELETE FROM dc_number_allocation WHERE counter_name = ? AND org_code = ? AND number_year = ? "
                + "AND number_value = ?").params(counter.table(), orgCode, year, number).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    release(counter, orgCode, year, number);
                }
            }
        });
        return number;
    }

    /** The counter's next value, counted and written down as taken in a short transaction of the counters' own. */
    private int counted(Counter counter, String orgCode, int year) {
        ensureCounter(counter, orgCode, year);
        String where = " WHERE org_code = ? AND " + counter.yearColumn() + " = ?";
        return counterTransaction.execute(status -> {
            counterJdbc.sql("UPDATE " + counter.table() + " SET last_value = last_value + 1" + where)
                    .params(orgCode, year).update();
            int value = counterJdbc.sql("SELECT last_value FROM " + counter.table() + where).params(orgCode, year)
                    .query(Integer.class).single();
            counterJdbc.sql("INSERT INTO dc_number_allocation (counter_name, org_code, number_year, number_value, "
                    + "allocated_at) VALUES (?, ?, ?, ?, ?)").params(counter.table(), orgCode, year, value,
                    Timestamp.from(Instant.now())).update();
            return value;
        });
    }

    /** The lowest number a rolled-back or abandoned transaction gave back, locked for the caller's transaction. */
    private Optional<Integer> givenBack(Counter counter, String orgCode, int year) {
        return jdbc.sql("SELECT number_value FROM dc_number_allocation WHERE counter_name = ? AND org_code = ? "
                        + "AND number_year = ? AND (released OR allocated_at < ?) ORDER BY number_value "
                        + "FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")
                .params(counter.table(), orgCode, year, Timestamp.from(Instant.now().minus(reuseAfter)))
                .query(Integer.class).optional();
    }

    /** After a rollback: the number is free at once for the next transaction (in a transaction of its own). */
    private void release(Counter counter, String orgCode, int year, int number) {
        counterTransaction.executeWithoutResult(status -> counterJdbc.sql("UPDATE dc_number_allocation SET released = TRUE "
                        + "WHERE counter_name = ? AND org_code = ? AND number_year = ? AND number_value = ?")
                .params(counter.table(), orgCode, year, number).update());
    }

    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile(
            "^(\\D*?)\\s*[〔\\[(（]?\\s*(20\\d{2})\\s*[〕\\])）]?\\s*[-/－—.\\s]?\\s*0*(\\d{1,5})\\s*号?$");

    /**
     * A case number as a person types it on a phone, which has no 〔〕 (渝中劳调2026 15, 渝中劳调2026-00015), written as
     * the system writes it (渝中劳调〔2026〕00015号) when its prefix is one of the organisations'; otherwise as typed.
     */
    public static String canonical(String typed, java.util.Collection<String> prefixes) {
        if (typed == null) {
            return "";
        }
        String text = typed.trim().replace('　', ' ');
        return parse(text).filter(t -> prefixes.contains(t.prefix())).map(t -> format(t.prefix(), t.year(), t.serial()))
                .orElse(text);
    }

    /** A typed case number's parts: its prefix (may be empty), year and serial. */
    record Typed(String prefix, int year, int serial) {

        /** How every case number of this year and serial ends: 〔2026〕00015号. */
        String ending() {
            return "〔" + year + "〕" + String.format("%05d", serial) + "号";
        }
    }

    /** The parts of what looks like a case number typed any way, or empty. */
    static java.util.Optional<Typed> parse(String text) {
        java.util.regex.Matcher m = TYPED.matcher(text.trim().replace('　', ' '));
        return m.matches() ? java.util.Optional.of(new Typed(m.group(1).trim(), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))) : java.util.Optional.empty();
    }

    static String format(String prefix, int year, int value) {
        return String.format("%s〔%d〕%05d号", prefix, year, value);
    }

    /** The year's counter row is created once, in a transaction of its own; a concurrent creator simply wins. */
    private void ensureCounter(Counter counter, String orgCode, int year) {
        String where = " WHERE org_code = ? AND " + counter.yearColumn() + " = ?";
        if (jdbc.sql("SELECT COUNT(*) FROM " + counter.table() + where).params(orgCode, year).query(Integer.class)
                .single() > 0) {
            return;
        }
        try {
            counterTransaction.executeWithoutResult(status -> counterJdbc.sql("INSERT INTO " + counter.table()
                    + " (org_code, " + counter.yearColumn() + ", last_value) VALUES (?, ?, 0)").params(orgCode, year)
                    .update());
        } catch (DuplicateKeyException alreadyCreated) {
            // another transaction created the row first: nothing to do
        }
    }
}
