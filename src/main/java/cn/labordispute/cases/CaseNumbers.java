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
 * Case numbers such as 渝中劳调〔2026〕00001号: unique and gap-free per organisation and year.
 * The counter row is incremented under its row lock inside the caller's transaction, so concurrent intakes queue on
 * the row and an intake that rolls back gives its number back.
 */
@Component
public class CaseNumbers {

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
        ensureCounter(organisation.code(), year);
        jdbc.sql("UPDATE dc_case_number_sequence SET last_value = last_value + 1 WHERE org_code = ? AND case_year = ?")
                .params(organisation.code(), year).update();
        int value = jdbc.sql("SELECT last_value FROM dc_case_number_sequence WHERE org_code = ? AND case_year = ?")
                .params(organisation.code(), year).query(Integer.class).single();
        return format(organisation.casePrefix(), year, value);
    }

    static String format(String prefix, int year, int value) {
        return String.format("%s〔%d〕%05d号", prefix, year, value);
    }

    /** The year's counter row is created once, in its own transaction; a concurrent creator simply wins. */
    private void ensureCounter(String orgCode, int year) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM dc_case_number_sequence WHERE org_code = ? AND case_year = ?")
                .params(orgCode, year).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO dc_case_number_sequence (org_code, case_year, last_value) VALUES (?, ?, 0)")
                    .params(orgCode, year).update());
        } catch (DuplicateKeyException alreadyCreated) {
            // another intake created the row first: nothing to do
        }
    }
}
