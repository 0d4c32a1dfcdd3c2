package org.shequn;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the test database: an in-memory H2 by default; with
 * {@code -Dshequn.test.db=postgres} a PostgreSQL database with a unique name, created once per test JVM
 * and dropped when it exits, after the test contexts are closed.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String postgresUrl;

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("shequn.test.db"));
    }

    /** The server to create test databases on; override with SHEQUN_TEST_PG_URL. */
    public static String serverUrl() {
        var url = System.getenv("SHEQUN_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/postgres" : url;
    }

    public static String user() {
        var user = System.getenv("SHEQUN_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        var password = System.getenv("SHEQUN_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = postgres() ? postgresDatabase()
                : "jdbc:h2:mem:shequn-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Map<String, Object> props = postgres()
                ? Map.of("spring.datasource.url", url, "spring.datasource.username", user(),
                        "spring.datasource.password", password())
                : Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                        "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shequn-test-db", props));
    }

    /** Creates this run's database once; later contexts in the same JVM share it. */
    public static synchronized String postgresDatabase() {
        if (postgresUrl == null) {
            var name = "shequn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("create database " + name);
            // after Spring's shutdown hook closed the cached contexts: dropped while they close, a context still asking
            // the database (the event registry does on close) waits the pool's whole connection timeout
            SpringApplication.getShutdownHandlers().add(() -> execute("drop database if exists " + name + " with (force)"));
            var server = serverUrl();
            postgresUrl = server.substring(0, server.lastIndexOf('/') + 1) + name;
        }
        return postgresUrl;
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(serverUrl(), user(), password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
