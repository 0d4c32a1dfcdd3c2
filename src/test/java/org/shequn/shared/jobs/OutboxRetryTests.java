package org.shequn.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OutboxRetryTests {

    @Autowired
    OutboxRetry retry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRetryJobRunsUnderALockHeldInTheDatabase() {
        retry.resubmitStale();
        var holder = jdbc.sql("select locked_by from shedlock where name = 'outbox-retry'").query(String.class).optional();
        assertThat(holder).as("lock row written by the job, visible to every node").isPresent();
    }
}
