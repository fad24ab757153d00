package cn.labordispute.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL statements, with their parameters, that the application sends to the database while a piece of code runs
 * (on any thread: a request the test sends is served by the server's) — so that a test can ask PostgreSQL how it plans
 * exactly what the engine sends. Import {@link Config} into the test's context; outside {@link #during} nothing is
 * recorded. Meant for a context in which nothing else runs meanwhile (no job executor).
 */
final class CapturedSql {

    /** One prepared statement as it was executed: the SQL with {@code ?} and the values bound to them. */
    record Statement(String sql, List<Object> parameters) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<List<Statement>> CURRENT =
            new java.util.concurrent.atomic.AtomicReference<>();

    private CapturedSql() {
    }

    /** Runs the work and returns the statements executed meanwhile, in order. */
    static <T> List<Statement> during(Supplier<T> work) {
        List<Statement> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CURRENT.set(seen);
        try {
            work.get();
        } finally {
            CURRENT.set(null);
        }
        return List.copyOf(seen);
    }

    @TestConfiguration
    static class Config {
        @Bean
        static BeanPostProcessor capturingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource source && !(bean instanceof Capturing) ? new Capturing(source) : bean;
                }
            };
        }
    }

    private static final class Capturing extends DelegatingDataSource {
        Capturing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return connection(super.getConnection(user, password));
        }
    }

    private static Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("prepareStatement") && CURRENT.get() != null) {
                return statement((PreparedStatement) result, (String) args[0]);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(CapturedSql.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static PreparedStatement statement(PreparedStatement target, String sql) {
        TreeMap<Integer, Object> bound = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                bound.put(index, name.equals("setNull") ? null : args[1]);
            }
            List<Statement> seen = CURRENT.get();
            if (name.startsWith("execute") && seen != null) {
                seen.add(new Statement(sql, new ArrayList<>(bound.values())));
            }
            return invoke(target, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(CapturedSql.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
