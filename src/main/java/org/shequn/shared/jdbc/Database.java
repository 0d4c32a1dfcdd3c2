package org.shequn.shared.jdbc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which database this node uses, for the few places that do something differently on PostgreSQL than on H2. */
@Component
public class Database {

    private final boolean postgres;

    Database(@Value("${spring.datasource.url:}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    public boolean postgres() {
        return postgres;
    }
}
