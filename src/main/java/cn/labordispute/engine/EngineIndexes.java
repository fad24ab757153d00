package cn.labordispute.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import cn.labordispute.cases.TaskSearchText;
import org.springframework.stereotype.Component;

/**
 * What the engine's own schema lacks for the queries this system runs at a province's scale, created after the engine
 * has created its tables (Flyway runs before it), on H2 and PostgreSQL alike, each only once:
 * <ul>
 * <li>Deadline timers are acquired by due date (jobExecutorAcquireByDueDate): the acquisition query orders ACT_RU_JOB
 * by DUEDATE_.</li>
 * <li>The Tasklist's 搜索任务 and every task query on a process variable look the variable up per task by process
 * instance and name ({@code EXISTS … PROC_INST_ID_ = … AND NAME_ = …}); with the process instance alone the engine
 * reads all of an instance's twenty to forty variables for each task of the list.</li>
 * <li>The supervisor's board lists the open 超期督办 steps, the oldest first, and counts them: by step and creation
 * time the database reads those steps alone instead of walking every open task by creation time (the escalations
 * are the newest tasks, so that walk read nearly the whole task table: 31 ms at 20,000 cases, 0.3 ms from this
 * index). On PostgreSQL the index covers what the board reads, so list and count never touch the table.</li>
 * <li>PostgreSQL only, where the trigram extension pg_trgm (PostgreSQL's contrib) can be created: a trigram index of
 * the one variable 搜索任务 searches with {@code like '%…%'} ({@link TaskSearchText}), so that a search finds the few
 * matching cases first instead of reading the variable of every task in the list. Without the extension (a database
 * user that may not create it) the search still works, by the index above, and the start-up log says so.</li>
 * <li>PostgreSQL only: every task query joins the authorisations that grant READ on the task or READ_TASK on its
 * process ({@code PERMS_ & 64 = 64}). Without statistics on those bit tests the planner expects one authorisation
 * row where a mediator has a dozen, and scans the organisation's tasks once per row; the extended statistics let it
 * count them.</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> EVERY_DATABASE = List.of(
            "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)",
            "CREATE INDEX IF NOT EXISTS ACT_IDX_VAR_PROCINST_NAME ON ACT_RU_VARIABLE (PROC_INST_ID_, NAME_)");
    static final List<String> POSTGRESQL = List.of(
            "CREATE STATISTICS IF NOT EXISTS ACT_STAT_AUTH_PERMS ON (PERMS_ & 2), (PERMS_ & 64), RESOURCE_TYPE_"
                    + " FROM ACT_RU_AUTHORIZATION",
            // covering: the board reads the oldest escalations and their count from the index alone
            "CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_DEFKEY_CREATE ON ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_, ID_)"
                    + " INCLUDE (TENANT_ID_, PROC_INST_ID_, ASSIGNEE_)");
    /** H2 has no covering indexes. */
    static final List<String> OTHER_DATABASES = List.of(
            "CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_DEFKEY_CREATE ON ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_, ID_)");

    static final String TRIGRAMS = "CREATE EXTENSION IF NOT EXISTS pg_trgm";
    static final String SEARCH_INDEX = "CREATE INDEX IF NOT EXISTS ACT_IDX_VAR_SEARCH_TRGM ON ACT_RU_VARIABLE"
            + " USING gin (TEXT_ gin_trgm_ops) WHERE NAME_ = '" + TaskSearchText.VARIABLE + "' AND TASK_ID_ IS NULL";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        long start = System.currentTimeMillis();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            for (String ddl : EVERY_DATABASE) {
                sql.execute(ddl);
            }
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                for (String ddl : POSTGRESQL) {
                    sql.execute(ddl);
                }
                searchIndex(sql);
            } else {
                for (String ddl : OTHER_DATABASES) {
                    sql.execute(ddl);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            long spent = System.currentTimeMillis() - start;
            if (spent > 1_000) { // an index built on a large database, the first start after an upgrade
                LOG.info("Engine indexes and statistics created in {} ms", spent);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot create the engine's additional indexes", e);
        }
    }

    private static void searchIndex(Statement sql) {
        try {
            sql.execute(TRIGRAMS);
        } catch (SQLException e) {
            LOG.warn("The trigram extension pg_trgm cannot be created ({}): 搜索任务 in the Tasklist reads the search text of"
                    + " every task in the list instead of finding the matching cases first", e.getMessage());
            return;
        }
        try {
            sql.execute(SEARCH_INDEX);
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot create the Tasklist's search index", e);
        }
    }
}
