package org.shequn.live;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks how nodes hear each other: {@code shequn.live.transport} = {@code auto} (PostgreSQL NOTIFY when the
 * database is PostgreSQL, else in the JVM), {@code postgres} or {@code local}.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    Broadcast liveBroadcast(Environment env, JdbcClient jdbc, JsonMapper json, Streams streams) {
        var transport = env.getProperty("shequn.live.transport", "auto").strip().toLowerCase(Locale.ROOT);
        var url = env.getProperty("spring.datasource.url", "");
        boolean postgres = switch (transport) {
            case "postgres" -> true;
            case "local" -> false;
            case "auto" -> url.startsWith("jdbc:postgresql:");
            default -> throw new IllegalStateException(
                    "shequn.live.transport must be auto, postgres or local, not " + transport);
        };
        if (!postgres) {
            return new LocalBroadcast(streams);
        }
        return new PostgresBroadcast(jdbc, json, streams, url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
    }
}
