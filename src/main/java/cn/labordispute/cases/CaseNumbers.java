package cn.labordispute.cases;

import cn.labordispute.security.Organisation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers such as 渝中劳调〔2026〕00001号, risk numbers such as 渝中风险〔2026〕0001号 and 法治体检 numbers:
 * unique and gap-free per organisation and year.
 * The counter row is incremented under its row lock inside the caller's transaction, so concurrent intakes queue on
 * the row and an intake that rolls back gives its number back.
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
    private final TransactionTemplate separateTransaction;

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        ensureCounter(counter, orgCode, year);
        jdbc.sql("UPDATE " + counter.table() + " SET last_value = last_value + 1 WHERE org_code = ? AND "
                + counter.yearColumn() + " = ?").params(orgCode, year).update();
        return jdbc.sql("SELECT last_value FROM " + counter.table() + " WHERE org_code = ? AND " + counter.yearColumn()
                + " = ?").params(orgCode, year).query(Integer.class).single();
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

    /** The year's counter row is created once, in its own transaction; a concurrent creator simply wins. */
    private void ensureCounter(Counter counter, String orgCode, int year) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM " + counter.table() + " WHERE org_code = ? AND "
                + counter.yearColumn() + " = ?").params(orgCode, year).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO " + counter.table() + " (org_code, " + counter.yearColumn() + ", last_value) VALUES (?, ?, 0)")
                    .params(orgCode, year).update());
        } catch (DuplicateKeyException alreadyCreated) {
            // another intake created the row first: nothing to do
        }
    }
}
