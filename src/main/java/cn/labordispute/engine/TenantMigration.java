package cn.labordispute.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a database from before organisations were tenants: every process instance started with an organisation —
 * with its stages' instances, tasks, jobs, variables, event subscriptions, incidents and history — gets that
 * organisation as its tenant, and the task authorisation rows written per candidate group per task are deleted.
 * Runs once per database at start-up (recorded in {@code dc_setup_step}); running it twice changes nothing.
 */
@Component
public class TenantMigration {

    static final String STEP = "organisations-as-tenants";
    private static final Logger log = LoggerFactory.getLogger(TenantMigration.class);
    /** The root instances that were started with the organisation given as the parameter. */
    private static final String ROOTS = "SELECT v.PROC_INST_ID_ FROM ACT_HI_VARINST v WHERE v.NAME_ = 'organisation' "
            + "AND v.TEXT_ = ? AND v.EXECUTION_ID_ = v.PROC_INST_ID_ AND v.PROC_INST_ID_ = v.ROOT_PROC_INST_ID_";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TenantMigration(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    @Transactional
    public void migrate() {
        if (jdbc.sql("SELECT COUNT(*) FROM dc_setup_step WHERE name = ?").param(STEP).query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Map<String, Integer> updated = new LinkedHashMap<>();
        List<String> organisations = jdbc.sql("SELECT code FROM dc_organisation").query(String.class).list();
        List<TenantTable> tables = tenantTables();
        for (String org : organisations) {
            for (TenantTable t : tables) {
                String sql;
                if (t.rootColumn != null) {
                    sql = "UPDATE " + t.name + " SET TENANT_ID_ = ? WHERE TENANT_ID_ IS NULL AND " + t.rootColumn
                            + " IN (" + ROOTS + ")";
                } else if (t.instanceColumn != null) {
                    sql = "UPDATE " + t.name + " SET TENANT_ID_ = ? WHERE TENANT_ID_ IS NULL AND " + t.instanceColumn
                            + " IN (SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.ROOT_PROC_INST_ID_ IN (" + ROOTS + "))";
                } else {
                    continue;
                }
                int n = jdbc.sql(sql).params(org, org).update();
                if (n > 0) {
                    updated.merge(t.name, n, Integer::sum);
                }
            }
        }
        updated.put("ACT_RU_IDENTITYLINK", jdbc.sql("UPDATE ACT_RU_IDENTITYLINK SET TENANT_ID_ = (SELECT t.TENANT_ID_ "
                + "FROM ACT_RU_TASK t WHERE t.ID_ = ACT_RU_IDENTITYLINK.TASK_ID_) WHERE TENANT_ID_ IS NULL AND TASK_ID_ IN "
                + "(SELECT ID_ FROM ACT_RU_TASK WHERE TENANT_ID_ IS NOT NULL)").update());
        int rows = jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ <> '*'")
                .param(Resources.TASK.resourceType()).update();
        String detail = "rows given a tenant " + updated + "; task authorisation rows deleted " + rows + "; "
                + (System.nanoTime() - started) / 1_000_000 + " ms";
        try {
            jdbc.sql("INSERT INTO dc_setup_step (name, done_at, detail) VALUES (?, ?, ?)")
                    .params(STEP, Timestamp.from(Instant.now()), detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                    .update();
        } catch (DuplicateKeyException anotherNodeDidIt) {
            return;
        }
        log.warn("Organisations as tenants: {} in {} ms", detail, (System.nanoTime() - started) / 1_000_000);
    }

    /** The engine's runtime and history tables that carry a tenant, with how their rows find their root instance. */
    private List<TenantTable> tenantTables() {
        List<TenantTable> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (String pattern : List.of("ACT_RU_%", "ACT_HI_%", "ACT_GE_BYTEARRAY", "act_ru_%", "act_hi_%",
                    "act_ge_bytearray")) {
                try (ResultSet rs = meta.getColumns(null, null, pattern, "%")) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
            columns.forEach((table, cols) -> {
                if (cols.contains("TENANT_ID_") && !table.equals("ACT_RU_IDENTITYLINK")) {
                    String root = cols.contains("ROOT_PROC_INST_ID_") ? "ROOT_PROC_INST_ID_" : null;
                    String instance = cols.contains("PROC_INST_ID_") ? "PROC_INST_ID_"
                            : cols.contains("PROCESS_INSTANCE_ID_") ? "PROCESS_INSTANCE_ID_" : null;
                    tables.add(new TenantTable(table, root, instance));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the engine's tables", e);
        }
        return tables;
    }

    private record TenantTable(String name, String rootColumn, String instanceColumn) {
    }
}
