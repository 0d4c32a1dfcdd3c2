package org.shequn;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: puts an account into a community with a role directly, for role-matrix tests of modules
 * whose subject is not joining itself. Keeps the seat count in step like the membership module does. Joining through HTTP is tested in the membership tests.
 */
public final class Members {

    private Members() {
    }

    public static void add(JdbcClient jdbc, long communityId, long accountId, String role) {
        jdbc.sql("""
                insert into memberships (community_id, account_id, role, joined_via, joined_at)
                values (?, ?, ?, 'OPEN', ?)""").params(communityId, accountId, role, OffsetDateTime.now()).update();
        // keep the seat row (the displayed member count) exact, as the membership module does
        jdbc.sql("update community_seats set members = (select count(*) from memberships where community_id = ?) where community_id = ?")
                .params(communityId, communityId).update();
    }
}
