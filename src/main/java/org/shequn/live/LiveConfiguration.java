package org.shequn.live;

import java.util.Locale;
import org.shequn.shared.jdbc.Database;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks how nodes hear each other: {@code shequn.live.transport} = {@code auto} (PostgreSQL NOTIFY when the
 * database is PostgreSQL, else in the JVM), {@code postgres}, {@code redis} (pub/sub on the Redis that
 * {@code spring.data.redis.*} names, channel {@code shequn.live.redis.channel-prefix + "live"}) or {@code local}.
 * Redis is chosen explicitly only: Spring Boot assumes a Redis on localhost when none is configured.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    Broadcast liveBroadcast(Environment env, JdbcClient jdbc, JsonMapper json, Streams streams,
                            ObjectProvider<RedisConnectionFactory> redis, Database database) {
        var transport = env.getProperty("shequn.live.transport", "auto").strip().toLowerCase(Locale.ROOT);
        var url = env.getProperty("spring.datasource.url", "");
        return switch (transport) {
            case "redis" -> new RedisBroadcast(redis.getObject(), json, streams,
                    env.getProperty("shequn.live.redis.channel-prefix", "shequn:"));
            case "postgres" -> postgres(env, jdbc, json, streams, url);
            case "local" -> new LocalBroadcast(streams);
            case "auto" -> database.postgres() ? postgres(env, jdbc, json, streams, url)
                    : new LocalBroadcast(streams);
            default -> throw new IllegalStateException(
                    "shequn.live.transport must be auto, postgres, redis or local, not " + transport);
        };
    }

    private static Broadcast postgres(Environment env, JdbcClient jdbc, JsonMapper json, Streams streams, String url) {
        return new PostgresBroadcast(jdbc, json, streams, url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
    }
}
