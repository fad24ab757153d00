package cn.labordispute.it;

import java.sql.SQLException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input suite on PostgreSQL (where parallel intakes lock through the database), in a database made fresh
 * for the run ({@link FreshPostgres}).
 */
@ActiveProfiles("postgres")
class HostileInputPostgresIntegrationTests extends HostileInputScenario {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        FreshPostgres.use("labor_dispute_hostile_it", registry);
    }
}
