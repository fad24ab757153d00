package cn.labordispute.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL database made fresh for a test class on the server given by IT_POSTGRES_URL (default
 * jdbc:postgresql://127.0.0.1:5432/, user IT_POSTGRES_USER or postgres), the way .ci/run provides it.
 */
final class FreshPostgres {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("IT_POSTGRES_USER", "postgres");

    private FreshPostgres() {
    }

    /** Drops and creates the database, and points the test's datasource at it. */
    static void use(String database, DynamicPropertyRegistry registry) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        }
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
