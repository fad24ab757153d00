package cn.labordispute.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case lifecycle on PostgreSQL, in a database made fresh for the run on the server given by IT_POSTGRES_URL
 * (default jdbc:postgresql://127.0.0.1:5432/, user postgres), the way .ci/run provides it.
 */
@ActiveProfiles("postgres")
class CaseLifecyclePostgresIntegrationTests extends CaseLifecycleScenario {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("IT_POSTGRES_USER", "postgres");
    private static final String DATABASE = "labor_dispute_it";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
