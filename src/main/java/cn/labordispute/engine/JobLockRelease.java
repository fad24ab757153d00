package cn.labordispute.engine;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A node that stops gracefully hands its jobs back: before the engine closes, the job executor stops taking jobs and
 * lets the running ones finish, then the jobs this node had taken but not run are unlocked, so another node runs
 * them at once instead of after the lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}, which is all a
 * node killed outright leaves behind). Runs before the engine closes, as this bean depends on its configuration.
 */
@Component
class JobLockRelease {

    private static final Logger log = LoggerFactory.getLogger(JobLockRelease.class);

    private final ProcessEngineConfigurationImpl engine;

    JobLockRelease(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @PreDestroy
    void handBackJobs() {
        JobExecutor executor = engine.getJobExecutor();
        if (executor == null || !executor.isActive()) {
            return;
        }
        executor.shutdown();
        try (Connection connection = engine.getDataSource().getConnection();
                PreparedStatement unlock = connection.prepareStatement(
                        "UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = ?")) {
            unlock.setString(1, executor.getLockOwner());
            int released = unlock.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("job executor stopped; {} job(s) taken by this node handed back", released);
        } catch (SQLException e) {
            log.warn("job executor stopped; the jobs this node had taken stay locked until their lock time ends", e);
        }
    }
}
