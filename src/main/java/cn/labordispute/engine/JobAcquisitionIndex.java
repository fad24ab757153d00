package cn.labordispute.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Deadline timers are acquired by due date (jobExecutorAcquireByDueDate): the acquisition query orders ACT_RU_JOB by
 * DUEDATE_, which Camunda's own schema does not index. Created after the engine has created its tables, on H2 and
 * PostgreSQL alike, and only once.
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    static final String DDL = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(DDL);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot create the job acquisition index ACT_IDX_JOB_DUEDATE", e);
        }
    }
}
