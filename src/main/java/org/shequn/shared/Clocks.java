package org.shequn.shared;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every module reads the time from, so that tests and all nodes share one precision. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    /**
     * Microsecond ticks: both databases keep microseconds and H2 rounds the rest half-up, so a time written
     * and then compared with itself (queued at now, due at now) would otherwise be a microsecond late.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
