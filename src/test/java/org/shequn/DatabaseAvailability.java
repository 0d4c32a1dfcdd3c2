package org.shequn;

import java.sql.DriverManager;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run, skips every test when no PostgreSQL answers, saying how to enable them; under
 * CI ({@code CI=true}) a missing PostgreSQL fails the run instead, so CI never passes by skipping.
 */
public class DatabaseAvailability implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        }
        var message = "PostgreSQL is not reachable at " + TestDatabase.serverUrl() + " as user " + TestDatabase.user()
                + ": start PostgreSQL or set SHEQUN_TEST_PG_URL / SHEQUN_TEST_PG_USER / SHEQUN_TEST_PG_PASSWORD to run the PostgreSQL tests.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    private static synchronized boolean reachable() {
        if (reachable == null) {
            DriverManager.setLoginTimeout(3);
            try (var ignored = DriverManager.getConnection(TestDatabase.serverUrl(), TestDatabase.user(), TestDatabase.password())) {
                reachable = true;
            } catch (Exception e) {
                System.err.println("[shequn] PostgreSQL tests: " + e.getMessage());
                reachable = false;
            }
        }
        return reachable;
    }
}
