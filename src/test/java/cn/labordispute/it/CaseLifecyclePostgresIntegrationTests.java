package cn.labordispute.it;

import java.sql.SQLException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case lifecycle on PostgreSQL, in a database made fresh for the run ({@link FreshPostgres}). */
@ActiveProfiles("postgres")
class CaseLifecyclePostgresIntegrationTests extends CaseLifecycleScenario {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        FreshPostgres.use("labor_dispute_it", registry);
    }
}
