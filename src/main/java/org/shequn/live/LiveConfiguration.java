package org.shequn.live;

import io.lettuce.core.resource.ClientResources;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.data.redis.core.RedisOperations;

import java.util.List;
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

    /**
     * Spring Boot builds a Redis client (with its event loops) whether or not anything uses it; only the redis
     * transport does, so otherwise the client is built on first use, which keeps it out of every node's start.
     */
    @Bean
    static BeanFactoryPostProcessor redisOnlyWhenUsed(Environment env) {
        return factory -> {
            if ("redis".equalsIgnoreCase(env.getProperty("shequn.live.transport", "auto").strip())) {
                return;
            }
            for (var type : List.of(RedisConnectionFactory.class, RedisOperations.class, ClientResources.class)) {
                for (var name : factory.getBeanNamesForType(type, true, false)) {
                    if (factory.containsBeanDefinition(name)) {
                        factory.getBeanDefinition(name).setLazyInit(true);
                    }
                }
            }
        };
    }

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
