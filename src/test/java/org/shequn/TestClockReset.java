package org.shequn;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the shared {@link TestClock} back to the real time after every test method of a context that has one, so a
 * test that moved it cannot move the next test's time (registered for every Spring test in META-INF/spring.factories).
 */
public class TestClockReset implements TestExecutionListener {

    @Override
    public void afterTestMethod(TestContext context) {
        if (context.hasApplicationContext()) {
            context.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(c -> { System.out.println("CLOCK-RESET"); c.reset(); });
        }
    }
}
